package org.neighborshare.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** consent-service's copy of a published footage request, built from request-service's event feed. */
@Entity
public class PublishedRequest extends PanacheEntityBase {

    public static final String OPEN = "OPEN";

    @Id
    public UUID requestId;

    public UUID agencyId;
    public String caseNumber;
    public String incidentType;
    public String description;
    public Instant windowStart;
    public Instant windowEnd;
    public double latitude;
    public double longitude;
    public double radiusMeters;
    public boolean emergency;
    public Instant publishedAt;
    public Instant expiresAt;
    public String state;
    public Instant endedAt;
    /** Drawn once per request, 0..4, and kept (see {@code shared.privacy.SmallCounts}; docs/invariants.md, I2). */
    public short countNoiseCameras;

    public short countNoiseNeighbours;
    public short countNoiseClips;

    public boolean openAt(Instant now) {
        return OPEN.equals(state) && endedAt == null && now.isBefore(expiresAt);
    }
}

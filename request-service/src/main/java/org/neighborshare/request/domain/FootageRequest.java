package org.neighborshare.request.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.neighborshare.shared.problem.ProblemException;

@Entity
public class FootageRequest extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID agencyId;
    public String caseNumber;
    @Enumerated(EnumType.STRING)
    public IncidentType incidentType;
    public String description;
    public Instant windowStart;
    public Instant windowEnd;
    public double centerLatitude;
    public double centerLongitude;
    public double radiusMeters;
    public String contact;
    public boolean emergency;
    public String emergencyJustification;
    @Enumerated(EnumType.STRING)
    public RequestState state;
    public String stateReason;
    public String createdBy;
    public Instant createdAt;
    public Instant decidedAt;
    public Instant publishedAt;
    public Instant endedAt;
    @Version
    public long version;

    public void transition(RequestState target, String reason, Instant at) {
        if (!state.canBecome(target)) {
            throw ProblemException.conflict("request " + id + " is " + state + " and cannot become " + target);
        }
        switch (target) {
            case PUBLISHED -> {
                publishedAt = at;
                decidedAt = at;
            }
            case REJECTED -> decidedAt = at;
            default -> endedAt = at;
        }
        state = target;
        stateReason = reason;
    }

    public static long countForCase(UUID agencyId, String caseNumber) {
        return count("agencyId = ?1 and caseNumber = ?2 and state <> ?3", agencyId, caseNumber, RequestState.REJECTED);
    }
}

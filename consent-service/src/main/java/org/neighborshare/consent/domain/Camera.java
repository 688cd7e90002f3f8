package org.neighborshare.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.neighborshare.shared.problem.ProblemException;

/** An owner's camera. Its location never leaves consent-service. */
@Entity
public class Camera extends PanacheEntityBase {

    public enum Status {
        ACTIVE,
        PAUSED
    }

    @Id
    public UUID id;

    public String ownerId;
    public String label;
    public double latitude;
    public double longitude;

    @Enumerated(EnumType.STRING)
    public Status status;

    public Instant createdAt;

    /**
     * A copy of the owner's opt-out, so that matching reads no other table (its index leaves these cameras out).
     * Written only by OwnerOptOut's rule, never on its own.
     */
    public boolean ownerOptedOut;

    public static List<Camera> ofOwner(String ownerId) {
        return list("ownerId = ?1 order by createdAt", ownerId);
    }

    /** Someone else's camera is answered exactly like a missing one: 404. */
    public static Camera ofOwner(String ownerId, UUID id) {
        Camera c = findById(id);
        if (c == null || !c.ownerId.equals(ownerId)) {
            throw ProblemException.notFound("camera " + id);
        }
        return c;
    }
}

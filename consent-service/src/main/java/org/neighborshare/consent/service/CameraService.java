package org.neighborshare.consent.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.neighborshare.consent.domain.Camera;
import org.neighborshare.consent.domain.OwnerSettings;
import org.neighborshare.shared.problem.ProblemException;

/** An owner's cameras and settings. */
@ApplicationScoped
public class CameraService {

    @Inject
    Clock clock;

    @Transactional
    public Camera register(String ownerId, NewCamera in) {
        Camera c = new Camera();
        c.id = UUID.randomUUID();
        c.ownerId = ownerId;
        c.label = in.label().strip();
        c.latitude = in.latitude();
        c.longitude = in.longitude();
        c.status = Camera.Status.ACTIVE;
        c.createdAt = clock.instant();
        c.persist();
        return c;
    }

    public List<Camera> list(String ownerId) {
        return Camera.ofOwner(ownerId);
    }

    /** Locked, so a simultaneous delete either waits for this change or leaves nothing to change (404). */
    @Transactional
    public Camera setStatus(String ownerId, UUID id, Camera.Status status) {
        Camera c = Camera.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !c.ownerId.equals(ownerId)) {
            throw ProblemException.notFound("camera " + id);
        }
        c.status = status;
        return c;
    }

    /** One statement: of simultaneous deletes of a camera exactly one deletes it, the others find nothing (404). */
    @Transactional
    public void delete(String ownerId, UUID id) {
        if (Camera.delete("id = ?1 and ownerId = ?2", id, ownerId) == 0) {
            throw ProblemException.notFound("camera " + id);
        }
    }

    /** An upsert: an owner's first settings, saved twice at once, are one row, not a unique-key failure. */
    @Transactional
    public OwnerSettings settings(String ownerId, boolean optedOut) {
        Panache.getEntityManager()
                .createNativeQuery("""
                insert into owner_settings (owner_id, opted_out, updated_at) values (?1, ?2, ?3)
                on conflict (owner_id) do update set opted_out = excluded.opted_out, updated_at = excluded.updated_at
                """)
                .setParameter(1, ownerId)
                .setParameter(2, optedOut)
                .setParameter(3, clock.instant())
                .executeUpdate();
        OwnerSettings s = new OwnerSettings();
        s.ownerId = ownerId;
        s.optedOut = optedOut;
        return s;
    }
}

package org.neighborshare.consent.service;

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

    @Inject
    OwnerOptOut optOut;

    @Transactional
    public Camera register(String ownerId, NewCamera in) {
        return register(UUID.randomUUID(), ownerId, in);
    }

    /** Every camera is added here: it carries its owner's opt-out from the start (see {@link OwnerOptOut}). */
    @Transactional
    Camera register(UUID id, String ownerId, NewCamera in) {
        Camera c = new Camera();
        c.id = id;
        c.ownerId = ownerId;
        c.label = in.label().strip();
        c.latitude = in.latitude();
        c.longitude = in.longitude();
        c.status = Camera.Status.ACTIVE;
        c.createdAt = clock.instant();
        c.ownerOptedOut = optOut.forNewCamera(ownerId, c.createdAt);
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

    /** The setting and the copy on every camera of the owner, in one transaction (see {@link OwnerOptOut}). */
    @Transactional
    public OwnerSettings settings(String ownerId, boolean optedOut) {
        optOut.set(ownerId, optedOut, clock.instant());
        OwnerSettings s = new OwnerSettings();
        s.ownerId = ownerId;
        s.optedOut = optedOut;
        return s;
    }
}

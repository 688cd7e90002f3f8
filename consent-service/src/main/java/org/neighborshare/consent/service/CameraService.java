package org.neighborshare.consent.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.neighborshare.consent.api.CameraRequest;
import org.neighborshare.consent.domain.Camera;
import org.neighborshare.consent.domain.OwnerSettings;

/** An owner's cameras and settings. */
@ApplicationScoped
public class CameraService {

    @Inject
    Clock clock;

    @Transactional
    public Camera register(String ownerId, CameraRequest in) {
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

    @Transactional
    public Camera setStatus(String ownerId, UUID id, Camera.Status status) {
        Camera c = Camera.ofOwner(ownerId, id);
        c.status = status;
        return c;
    }

    @Transactional
    public void delete(String ownerId, UUID id) {
        Camera.ofOwner(ownerId, id).delete();
    }

    @Transactional
    public OwnerSettings settings(String ownerId, boolean optedOut) {
        OwnerSettings s = OwnerSettings.findById(ownerId);
        if (s == null) {
            s = new OwnerSettings();
            s.ownerId = ownerId;
        }
        s.optedOut = optedOut;
        s.updatedAt = clock.instant();
        s.persist();
        return s;
    }
}

package org.neighborshare.consent.api;

import java.time.Instant;
import java.util.UUID;
import org.neighborshare.consent.domain.Camera;

/** A camera as its owner sees it; only ever returned to the owner. */
public record CameraView(
        UUID id, String label, double latitude, double longitude, Camera.Status status, Instant createdAt) {

    public static CameraView of(Camera c) {
        return new CameraView(c.id, c.label, c.latitude, c.longitude, c.status, c.createdAt);
    }
}

package org.neighborshare.consent.api;

import java.time.Instant;
import java.util.UUID;
import org.neighborshare.consent.domain.Clip;

/** A clip as its owner sees it; only ever returned to the owner. */
public record ClipView(
        UUID id,
        UUID cameraId,
        Instant recordedAt,
        long size,
        String sha256,
        String contentType,
        Instant uploadedAt,
        Instant deletedAt) {

    public static ClipView of(Clip c) {
        return new ClipView(
                c.id, c.cameraId, c.recordedAt, c.sizeBytes, c.sha256, c.contentType, c.uploadedAt, c.deletedAt);
    }
}

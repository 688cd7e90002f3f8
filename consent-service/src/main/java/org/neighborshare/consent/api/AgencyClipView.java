package org.neighborshare.consent.api;

import java.time.Instant;
import java.util.UUID;
import org.neighborshare.consent.service.AgencyClipService;

/**
 * A shared clip as an agency sees it. Invariant I2: a per-request pseudonym only; never the owner, their
 * camera, its label or its location. Keep it that way when adding fields.
 */
public record AgencyClipView(
        UUID clipId,
        String neighbor,
        long size,
        String sha256,
        String contentType,
        Instant recordedAt,
        Instant shareExpiresAt,
        boolean allowCopies) {

    public static AgencyClipView of(AgencyClipService.SharedClip sc) {
        var c = sc.clip();
        var s = sc.share();
        return new AgencyClipView(
                c.id, s.pseudonym, c.sizeBytes, c.sha256, c.contentType, c.recordedAt, s.expiresAt, s.allowCopies);
    }
}

package org.neighborshare.consent.api;

import java.time.Instant;
import java.util.UUID;
import org.neighborshare.consent.domain.DeletionReceipt;

public record DeletionReceiptView(
        UUID clipId, String sha256, Instant deletedAt, String reason, UUID requestId, UUID shareId) {

    public static DeletionReceiptView of(DeletionReceipt r) {
        return new DeletionReceiptView(r.clipId, r.sha256, r.deletedAt, r.reason, r.requestId, r.shareId);
    }
}

package org.neighborshare.consent.api;

import java.time.Instant;
import java.util.UUID;
import org.neighborshare.consent.domain.DeletionReceipt;

/** A deletion of the owner's clip, with where the deletion sits in the public consent log. */
public record DeletionReceiptView(
        UUID clipId,
        String sha256,
        Instant deletedAt,
        String reason,
        UUID requestId,
        UUID shareId,
        String log,
        Long index,
        String leafHash,
        String proof) {

    public static DeletionReceiptView of(DeletionReceipt r) {
        return new DeletionReceiptView(
                r.clipId,
                r.sha256,
                r.deletedAt,
                r.reason,
                r.requestId,
                r.shareId,
                r.logIndex == null ? null : ReceiptView.LOG,
                r.logIndex,
                r.leafHash,
                ReceiptView.proofPath(r.leafHash));
    }
}

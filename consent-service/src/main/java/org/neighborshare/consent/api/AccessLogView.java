package org.neighborshare.consent.api;

import java.time.Instant;
import java.util.UUID;
import org.neighborshare.consent.domain.AccessEntry;

/**
 * One access to an owner's clip, for that owner: which agency, who, when, what, and the hash; and where it sits
 * in the public consent log ({@code log}, {@code index}, {@code leafHash}, {@code proof}). For a download,
 * {@code downloader} is the log's commitment SHA-256(downloaderSalt || accessorId), which the owner can check.
 */
public record AccessLogView(
        UUID clipId,
        UUID requestId,
        UUID agencyId,
        AccessEntry.Action action,
        Instant at,
        String sha256,
        String accessorId,
        String downloader,
        String downloaderSalt,
        String log,
        Long index,
        String leafHash,
        String proof) {

    public static AccessLogView of(AccessEntry e) {
        return new AccessLogView(
                e.clipId,
                e.requestId,
                e.agencyId,
                e.action,
                e.accessedAt,
                e.sha256,
                e.accessorId,
                e.downloader,
                e.downloaderSalt,
                e.logIndex == null ? null : ReceiptView.LOG,
                e.logIndex,
                e.leafHash,
                ReceiptView.proofPath(e.leafHash));
    }
}

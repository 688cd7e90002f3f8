package org.neighborshare.consent.api;

import java.time.Instant;
import java.util.UUID;
import org.neighborshare.consent.domain.OwnerReceipt;
import org.neighborshare.shared.audit.AuditEventType;

/**
 * An owner's receipt for one public consent-log entry about their footage. {@code proof} is the public path of
 * its inclusion proof against the latest checkpoint ({@code /api/public/logs/consent/checkpoint}).
 */
public record ReceiptView(
        String type,
        String log,
        long index,
        String leafHash,
        String proof,
        UUID shareId,
        UUID requestId,
        UUID clipId,
        String sha256,
        Instant at) {

    public static final String LOG = AuditEventType.LogName.CONSENT.path();

    public static ReceiptView of(OwnerReceipt r) {
        return new ReceiptView(
                r.type,
                LOG,
                r.logIndex,
                r.leafHash,
                proofPath(r.leafHash),
                r.shareId,
                r.requestId,
                r.clipId,
                r.sha256,
                r.at);
    }

    /** Where anyone fetches the inclusion proof of the entry with this leaf hash (null: none). */
    public static String proofPath(String leafHash) {
        return leafHash == null ? null : "/api/public/logs/" + LOG + "/proof/inclusion?leafHash=" + leafHash;
    }
}

package org.neighborshare.consent.api;

import java.time.Instant;
import java.util.UUID;
import org.neighborshare.consent.domain.AccessEntry;

/** One access to an owner's clip, for that owner: which agency, who, when, what, and the hash. */
public record AccessLogView(
        UUID clipId,
        UUID requestId,
        UUID agencyId,
        AccessEntry.Action action,
        Instant at,
        String sha256,
        String accessorId) {

    public static AccessLogView of(AccessEntry e) {
        return new AccessLogView(e.clipId, e.requestId, e.agencyId, e.action, e.accessedAt, e.sha256, e.accessorId);
    }
}

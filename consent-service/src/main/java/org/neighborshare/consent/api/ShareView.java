package org.neighborshare.consent.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.neighborshare.consent.domain.Share;
import org.neighborshare.consent.service.ShareService;

/** A share as its owner sees it, with the pseudonym the agency knows them by for that request. */
public record ShareView(
        UUID id,
        UUID requestId,
        UUID agencyId,
        String neighbor,
        List<UUID> clipIds,
        int retentionDays,
        boolean allowCopies,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant firstDownloadAt,
        Share.Status status) {

    public static ShareView of(ShareService.ShareWithClips sc, Instant now) {
        Share s = sc.share();
        return new ShareView(
                s.id,
                s.requestId,
                s.agencyId,
                s.pseudonym,
                sc.clipIds(),
                s.retentionDays,
                s.allowCopies,
                s.createdAt,
                s.expiresAt,
                s.revokedAt,
                s.firstDownloadAt,
                s.statusAt(now));
    }
}

package org.neighborshare.consent.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.neighborshare.consent.domain.AccessEntry;
import org.neighborshare.consent.domain.Clip;
import org.neighborshare.consent.domain.PublishedRequest;
import org.neighborshare.consent.domain.Share;
import org.neighborshare.consent.store.ClipStore;
import org.neighborshare.shared.audit.AuditReceipt;
import org.neighborshare.shared.audit.Commitments;
import org.neighborshare.shared.problem.ProblemException;

/**
 * What an agency gets for one of its requests (invariant I1): exactly the clips owners shared for that request,
 * while each share is valid. Everything else is 404, whatever the reason, so nothing is revealed by the answer.
 */
@ApplicationScoped
public class AgencyClipService {

    @Inject
    Clock clock;

    @Inject
    ClipStore store;

    @Inject
    PublicConsentLog log;

    /** A clip as the agency sees it: a pseudonym, never the owner, camera or place (invariant I2). */
    public record SharedClip(Clip clip, Share share) {}

    /** An open download: the clip, the share that allows it, and its bytes (the caller closes them). */
    public record Download(Clip clip, Share share, InputStream bytes) {}

    public List<SharedClip> list(UUID agencyId, UUID requestId) {
        requestOf(agencyId, requestId);
        Instant now = Times.now(clock);
        List<Object[]> rows = Panache.getEntityManager()
                .createQuery("""
                select c, s from Share s, ShareClip sc, Clip c
                where sc.shareId = s.id and sc.clipId = c.id
                  and s.requestId = :request and s.agencyId = :agency
                  and s.revokedAt is null and s.expiresAt > :now and c.deletedAt is null
                order by s.createdAt, s.id, c.recordedAt, c.id""", Object[].class)
                .setParameter("request", requestId)
                .setParameter("agency", agencyId)
                .setParameter("now", now)
                .getResultList();
        // A clip in several valid shares for the request is listed once, under the share that lasts longest.
        Map<UUID, SharedClip> byClip = new LinkedHashMap<>();
        for (Object[] row : rows) {
            SharedClip sc = new SharedClip((Clip) row[0], (Share) row[1]);
            byClip.merge(sc.clip().id, sc, (a, b) -> b.share().expiresAt.isAfter(a.share().expiresAt) ? b : a);
        }
        return List.copyOf(byClip.values());
    }

    /**
     * Checks that a valid share gives the clip to the agency for the request, opens the bytes, records the
     * download (who, when, hash) and the share's first download, all before a byte leaves.
     */
    @Transactional
    public Download download(UUID agencyId, UUID requestId, UUID clipId, String accessorId) {
        requestOf(agencyId, requestId);
        Instant now = Times.now(clock);
        List<UUID> shareIds = Panache.getEntityManager()
                .createQuery("""
                select s.id from Share s, ShareClip sc
                where sc.shareId = s.id and sc.clipId = :clip
                  and s.requestId = :request and s.agencyId = :agency
                  and s.revokedAt is null and s.expiresAt > :now
                order by s.expiresAt desc, s.id""", UUID.class)
                .setParameter("clip", clipId)
                .setParameter("request", requestId)
                .setParameter("agency", agencyId)
                .setParameter("now", now)
                .getResultList();
        for (UUID shareId : shareIds) {
            // Locked so a revocation waits for this decision rather than racing it. A write lock, not a shared
            // one: two first downloads that both held a shared lock and then set firstDownloadAt would deadlock.
            Share share = Share.findById(shareId, LockModeType.PESSIMISTIC_WRITE);
            if (share == null || !share.validAt(now)) {
                continue;
            }
            Clip clip = Clip.findById(clipId, LockModeType.PESSIMISTIC_READ);
            if (clip == null || clip.deletedAt != null) {
                break;
            }
            InputStream bytes;
            try {
                bytes = store.open(clip.storageKey);
            } catch (NoSuchFileException e) {
                break;
            } catch (IOException e) {
                throw new IllegalStateException("clip " + clipId + " unreadable", e);
            }
            if (share.firstDownloadAt == null) {
                share.firstDownloadAt = now;
            }
            String salt = Commitments.newSalt();
            String downloader = Commitments.salted(salt, accessorId);
            AuditReceipt receipt = log.downloaded(clip, share, downloader, now);
            AccessEntry.record(clip, share, AccessEntry.Action.DOWNLOAD, accessorId, now, receipt, salt, downloader);
            return new Download(clip, share, bytes);
        }
        throw ProblemException.notFound("clip " + clipId + " for request " + requestId);
    }

    /** Who of the agency downloaded what for the request, with the salts that open the log's commitments. */
    public List<AccessEntry> downloads(UUID agencyId, UUID requestId) {
        requestOf(agencyId, requestId);
        return AccessEntry.downloadsOf(agencyId, requestId);
    }

    /** The request, if it belongs to the agency; 404 otherwise (another agency's request looks like none). */
    private static PublishedRequest requestOf(UUID agencyId, UUID requestId) {
        PublishedRequest r = PublishedRequest.findById(requestId);
        if (r == null || !r.agencyId.equals(agencyId)) {
            throw ProblemException.notFound("request " + requestId);
        }
        return r;
    }
}

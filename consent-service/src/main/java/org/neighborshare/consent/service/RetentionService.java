package org.neighborshare.consent.service;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.neighborshare.consent.config.ConsentConfig;
import org.neighborshare.consent.domain.AccessEntry;
import org.neighborshare.consent.domain.Clip;
import org.neighborshare.consent.domain.DeletionReceipt;
import org.neighborshare.consent.domain.Share;
import org.neighborshare.consent.store.ClipStore;

/**
 * When a share's retention ends, the bytes of its clips are deleted unless another valid share still needs them;
 * each deletion is written to the owner's access log and leaves the owner a deletion receipt. One transaction per
 * share; deleting bytes is idempotent, so a share whose transaction failed is simply handled again next time.
 */
@ApplicationScoped
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class);

    @Inject
    Clock clock;

    @Inject
    ClipStore store;

    @Inject
    ConsentConfig config;

    /** Handles every share past its retention; returns the number of clips whose bytes were deleted. */
    public int expireDue() {
        int deleted = 0;
        while (true) {
            Instant now = Times.now(clock);
            List<UUID> due = QuarkusTransaction.requiringNew()
                    .call(() -> Panache.getEntityManager()
                            .createQuery("""
                    select s.id from Share s where s.expiresAt <= :now and s.retentionDoneAt is null
                    order by s.expiresAt, s.id""", UUID.class)
                            .setParameter("now", now)
                            .setMaxResults(config.retention().batchSize())
                            .getResultList());
            int failures = 0;
            for (UUID shareId : due) {
                try {
                    deleted += QuarkusTransaction.requiringNew().call(() -> expire(shareId, now));
                } catch (RuntimeException e) {
                    failures++;
                    LOG.errorf(e, "retention of share %s failed; it will be tried again", shareId);
                }
            }
            // A failed share stays due: stop here rather than pick it up again at once.
            if (failures > 0 || due.size() < config.retention().batchSize()) {
                return deleted;
            }
        }
    }

    private int expire(UUID shareId, Instant now) {
        Share share = Share.findById(shareId, LockModeType.PESSIMISTIC_WRITE);
        if (share == null || share.retentionDoneAt != null) {
            return 0; // another replica got there first
        }
        List<UUID> clipIds = Panache.getEntityManager()
                .createQuery("select sc.clipId from ShareClip sc where sc.shareId = :s order by sc.clipId", UUID.class)
                .setParameter("s", shareId)
                .getResultList();
        int deleted = 0;
        for (UUID clipId : clipIds) {
            Clip clip = Clip.findById(clipId, LockModeType.PESSIMISTIC_WRITE);
            if (clip.deletedAt != null || stillNeeded(clipId, shareId, now)) {
                continue;
            }
            try {
                store.delete(clip.storageKey);
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete the bytes of clip " + clipId, e);
            }
            clip.deletedAt = now;
            AccessEntry.record(clip, share, AccessEntry.Action.DELETED, null, now);
            DeletionReceipt r = new DeletionReceipt();
            r.id = UUID.randomUUID();
            r.ownerId = clip.ownerId;
            r.clipId = clip.id;
            r.shareId = share.id;
            r.requestId = share.requestId;
            r.sha256 = clip.sha256;
            r.deletedAt = now;
            r.reason = DeletionReceipt.RETENTION_ENDED;
            r.persist();
            deleted++;
        }
        share.retentionDoneAt = now;
        LOG.infof("retention of share %s ended: %d clip(s) deleted", shareId, deleted);
        return deleted;
    }

    /** Another share, still valid, gives the clip. */
    private static boolean stillNeeded(UUID clipId, UUID shareId, Instant now) {
        return Panache.getEntityManager()
                        .createQuery("""
                select count(s) from Share s, ShareClip sc
                where sc.shareId = s.id and sc.clipId = :clip and s.id <> :share
                  and s.revokedAt is null and s.expiresAt > :now""", Long.class)
                        .setParameter("clip", clipId)
                        .setParameter("share", shareId)
                        .setParameter("now", now)
                        .getSingleResult()
                > 0;
    }
}

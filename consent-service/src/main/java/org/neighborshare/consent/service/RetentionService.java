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
import org.neighborshare.shared.audit.AuditReceipt;

/**
 * When a share's retention ends, the bytes of its clips are deleted unless another valid share still needs them;
 * a clip that no share needs (never shared, or every share of it revoked before any download) is deleted
 * {@code consent.retention.unshared-after} after its upload or its last revocation. Each deletion is in the
 * public consent log ({@code clip.deleted} with its cause), in the owner's access log, and leaves the owner a
 * deletion receipt with the entry's index and leaf hash. One transaction per share or clip, each taking the
 * clip's row lock and checking again under it, so two runs at once delete and log each clip once; deleting bytes
 * is idempotent, so a transaction that failed is simply handled again next time.
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

    @Inject
    PublicConsentLog log;

    /** Handles every share past its retention and every clip no share needs; returns the clips deleted. */
    public int expireDue() {
        return expireShares() + deleteUnneeded();
    }

    private int expireShares() {
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
            recordDeletion(clip, share, PublicConsentLog.RETENTION, DeletionReceipt.RETENTION_ENDED, now);
            deleted++;
        }
        share.retentionDoneAt = now;
        LOG.infof("retention of share %s ended: %d clip(s) deleted", shareId, deleted);
        return deleted;
    }

    /**
     * The rule, in one query for the batch and (with the clip's id) for the re-check under the lock: a clip not
     * deleted, uploaded before {@code :before}, with no share that is unrevoked, was ever downloaded, or was
     * revoked after {@code :before}.
     */
    private static final String UNNEEDED = """
            select c.id from clip c
            where c.deleted_at is null and c.uploaded_at <= :before
              and not exists (select 1 from share_clip sc join clip_share s on s.id = sc.share_id
                              where sc.clip_id = c.id
                                and (s.revoked_at is null or s.first_download_at is not null
                                     or s.revoked_at > :before))
            """;

    /** Deletes, one transaction each, the clips that no share needs any more. */
    private int deleteUnneeded() {
        int deleted = 0;
        while (true) {
            Instant now = Times.now(clock);
            Instant before = now.minus(config.retention().unsharedAfter());
            List<UUID> due = QuarkusTransaction.requiringNew().call(() -> unneededClips(before));
            int failures = 0;
            for (UUID clipId : due) {
                try {
                    deleted += QuarkusTransaction.requiringNew().call(() -> deleteIfUnneeded(clipId, before, now));
                } catch (RuntimeException e) {
                    failures++;
                    LOG.errorf(e, "deleting unneeded clip %s failed; it will be tried again", clipId);
                }
            }
            if (failures > 0 || due.size() < config.retention().batchSize()) {
                return deleted;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<UUID> unneededClips(Instant before) {
        return Panache.getEntityManager()
                .createNativeQuery(UNNEEDED + " order by c.uploaded_at, c.id", UUID.class)
                .setParameter("before", before)
                .setMaxResults(config.retention().batchSize())
                .getResultList();
    }

    private int deleteIfUnneeded(UUID clipId, Instant before, Instant now) {
        Clip clip = Clip.findById(clipId, LockModeType.PESSIMISTIC_WRITE);
        // Checked again under the lock: another run may have deleted it, or the owner shared it meanwhile.
        boolean unneeded = clip != null
                && clip.deletedAt == null
                && !Panache.getEntityManager()
                        .createNativeQuery(UNNEEDED + " and c.id = :clip", UUID.class)
                        .setParameter("before", before)
                        .setParameter("clip", clipId)
                        .getResultList()
                        .isEmpty();
        if (!unneeded) {
            return 0;
        }
        // The share it was last revoked from, if any: the deletion names it, so the owner's receipt says which.
        List<Share> shares = Panache.getEntityManager()
                .createQuery(
                        "select s from Share s, ShareClip sc where sc.shareId = s.id and sc.clipId = :clip"
                                + " order by s.revokedAt desc, s.id",
                        Share.class)
                .setParameter("clip", clipId)
                .setMaxResults(1)
                .getResultList();
        Share share = shares.isEmpty() ? null : shares.get(0);
        try {
            store.delete(clip.storageKey);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the bytes of clip " + clipId, e);
        }
        if (share == null) {
            recordDeletion(clip, null, PublicConsentLog.UNSHARED, DeletionReceipt.NEVER_SHARED, now);
        } else {
            recordDeletion(clip, share, PublicConsentLog.REVOKED, DeletionReceipt.SHARE_REVOKED, now);
        }
        LOG.infof("clip %s deleted: no share needs it", clipId);
        return 1;
    }

    /** The deletion, everywhere it is recorded: the clip, the public log, the access log and the receipt. */
    private void recordDeletion(Clip clip, Share share, String cause, String reason, Instant now) {
        clip.deletedAt = now;
        AuditReceipt receipt = log.deleted(clip, share, cause, now);
        AccessEntry.record(clip, share, AccessEntry.Action.DELETED, null, now, receipt, null, null);
        DeletionReceipt r = new DeletionReceipt();
        r.id = UUID.randomUUID();
        r.ownerId = clip.ownerId;
        r.clipId = clip.id;
        r.shareId = share == null ? null : share.id;
        r.requestId = share == null ? null : share.requestId;
        r.sha256 = clip.sha256;
        r.deletedAt = now;
        r.reason = reason;
        r.logIndex = receipt.index();
        r.leafHash = receipt.leafHashHex();
        r.persist();
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

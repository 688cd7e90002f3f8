package org.neighborshare.consent.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.neighborshare.consent.domain.Clip;
import org.neighborshare.consent.domain.OwnerReceipt;
import org.neighborshare.consent.domain.Share;
import org.neighborshare.shared.audit.AuditEventType;
import org.neighborshare.shared.audit.AuditFact;
import org.neighborshare.shared.audit.AuditLog;
import org.neighborshare.shared.audit.AuditReceipt;
import org.neighborshare.shared.audit.Commitments;

/**
 * What consent-service writes to its public log: shares, revocations, downloads and deletions, each in the
 * transaction of the decision, each giving the owner a receipt. Declines are never logged (I2). Clips appear by
 * their SHA-256, owners only as {@link Commitments#owner} within the request, downloaders as a salted commitment;
 * never an owner id, camera, place or pseudonym (README, "What each entry reveals and why").
 */
@ApplicationScoped
public class PublicConsentLog {

    /** {@code cause} of a clip.deleted: its share's retention ended. */
    public static final String RETENTION = "retention";
    /** {@code cause}: the clip was never shared and no one may ask for it any more. */
    public static final String UNSHARED = "unshared";
    /** {@code cause}: every share of the clip was revoked before any download. */
    public static final String REVOKED = "revoked";

    @Inject
    AuditLog log;

    @Inject
    Commitments commitments;

    /**
     * {@code retentionEnds} is the share's exact end (to the microsecond, as stored), while {@code at} is cut to the
     * millisecond: a download at a valid instant always has {@code at < retentionEnds}.
     */
    void shared(Share s, List<Clip> clips) {
        AuditReceipt r = log.append(shareFact(AuditEventType.SHARE_CREATED, s, s.createdAt, clips)
                .with("retentionEnds", s.expiresAt.toString()));
        receipt(s.ownerId, AuditEventType.SHARE_CREATED, r, s, null, s.createdAt);
    }

    void revoked(Share s, List<Clip> clips) {
        AuditReceipt r = log.append(shareFact(AuditEventType.SHARE_REVOKED, s, s.revokedAt, clips));
        receipt(s.ownerId, AuditEventType.SHARE_REVOKED, r, s, null, s.revokedAt);
    }

    /** {@code downloader} is the commitment to the agency member who downloaded. */
    AuditReceipt downloaded(Clip c, Share s, String downloader, Instant at) {
        AuditReceipt r = log.append(AuditFact.of(AuditEventType.CLIP_DOWNLOADED, at)
                .with("share", s.id.toString())
                .with("request", s.requestId.toString())
                .with("agency", s.agencyId.toString())
                .with("clip", c.sha256)
                .with("downloader", downloader)
                .with("owner", commitments.owner(c.ownerId, s.requestId.toString())));
        receipt(c.ownerId, AuditEventType.CLIP_DOWNLOADED, r, s, c, at);
        return r;
    }

    /** The clip's bytes are gone; {@code share} is the share it belonged to, or null for a clip never shared. */
    AuditReceipt deleted(Clip c, Share share, String cause, Instant at) {
        AuditFact fact = AuditFact.of(AuditEventType.CLIP_DELETED, at)
                .with("clip", c.sha256)
                .with("cause", cause);
        if (share == null) {
            fact = fact.with("owner", commitments.owner(c.ownerId, c.sha256));
        } else {
            fact = fact.with("owner", commitments.owner(c.ownerId, share.requestId.toString()))
                    .with("share", share.id.toString())
                    .with("request", share.requestId.toString())
                    .with("retentionEnds", share.expiresAt.toString());
        }
        AuditReceipt r = log.append(fact);
        receipt(c.ownerId, AuditEventType.CLIP_DELETED, r, share, c, at);
        return r;
    }

    private AuditFact shareFact(AuditEventType type, Share s, Instant at, List<Clip> clips) {
        return AuditFact.of(type, at)
                .with("share", s.id.toString())
                .with("request", s.requestId.toString())
                .with("agency", s.agencyId.toString())
                .with("clips", clips.stream().map(c -> c.sha256).sorted().toList())
                .with("owner", commitments.owner(s.ownerId, s.requestId.toString()));
    }

    private static void receipt(
            String ownerId, AuditEventType type, AuditReceipt r, Share share, Clip clip, Instant at) {
        OwnerReceipt o = new OwnerReceipt();
        o.id = UUID.randomUUID();
        o.ownerId = ownerId;
        o.type = type.wireName();
        o.logIndex = r.index();
        o.leafHash = r.leafHashHex();
        o.shareId = share == null ? null : share.id;
        o.requestId = share == null ? null : share.requestId;
        o.clipId = clip == null ? null : clip.id;
        o.sha256 = clip == null ? null : clip.sha256;
        o.at = at;
        o.persist();
    }
}

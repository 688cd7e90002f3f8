package org.neighborshare.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.neighborshare.shared.audit.AuditReceipt;

/** One access to an owner's clip: an agency's download or the retention deletion. Append-only (a trigger). */
@Entity
public class AccessEntry extends PanacheEntityBase {

    public enum Action {
        DOWNLOAD,
        DELETED
    }

    @Id
    public UUID id;

    public UUID clipId;
    public UUID shareId;
    public String ownerId;
    public UUID requestId;
    public UUID agencyId;
    /** The user who downloaded; null for the retention job. */
    public String accessorId;

    @Enumerated(EnumType.STRING)
    public Action action;

    public Instant accessedAt;
    public String sha256;
    /** The public log's commitment to the downloader, SHA-256(salt || accessorId); null for a deletion. */
    public String downloader;

    public String downloaderSalt;
    /** Where the access sits in the public consent log (null for accesses recorded before the log existed). */
    public Long logIndex;

    public String leafHash;

    /**
     * Records an access; {@code share} is null for the deletion of a clip no share needed, {@code salt} and
     * {@code downloader} null for a deletion.
     */
    public static AccessEntry record(
            Clip clip,
            Share share,
            Action action,
            String accessorId,
            Instant at,
            AuditReceipt receipt,
            String salt,
            String downloader) {
        AccessEntry e = new AccessEntry();
        e.id = UUID.randomUUID();
        e.clipId = clip.id;
        e.shareId = share == null ? null : share.id;
        e.ownerId = clip.ownerId;
        e.requestId = share == null ? null : share.requestId;
        e.agencyId = share == null ? null : share.agencyId;
        e.accessorId = accessorId;
        e.action = action;
        e.accessedAt = at;
        e.sha256 = clip.sha256;
        e.downloaderSalt = salt;
        e.downloader = downloader;
        e.logIndex = receipt.index();
        e.leafHash = receipt.leafHashHex();
        e.persist();
        return e;
    }

    /** The downloads of one request by its agency, newest first. */
    public static List<AccessEntry> downloadsOf(UUID agencyId, UUID requestId) {
        return list(
                "agencyId = ?1 and requestId = ?2 and action = ?3 order by accessedAt desc, id",
                agencyId,
                requestId,
                Action.DOWNLOAD);
    }

    public static List<AccessEntry> ofOwner(String ownerId, int page, int size) {
        return find("ownerId = ?1 order by accessedAt desc, id", ownerId)
                .page(page, size)
                .list();
    }
}

package org.neighborshare.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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

    public static AccessEntry record(Clip clip, Share share, Action action, String accessorId, Instant at) {
        AccessEntry e = new AccessEntry();
        e.id = UUID.randomUUID();
        e.clipId = clip.id;
        e.shareId = share.id;
        e.ownerId = clip.ownerId;
        e.requestId = share.requestId;
        e.agencyId = share.agencyId;
        e.accessorId = accessorId;
        e.action = action;
        e.accessedAt = at;
        e.sha256 = clip.sha256;
        e.persist();
        return e;
    }

    public static List<AccessEntry> ofOwner(String ownerId, int page, int size) {
        return find("ownerId = ?1 order by accessedAt desc, id", ownerId)
                .page(page, size)
                .list();
    }
}

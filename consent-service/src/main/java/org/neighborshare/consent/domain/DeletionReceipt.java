package org.neighborshare.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Given to the owner when a clip's bytes were deleted. Append-only (a trigger). */
@Entity
public class DeletionReceipt extends PanacheEntityBase {

    public static final String RETENTION_ENDED = "RETENTION_ENDED";
    /** Never shared, and kept no longer than {@code consent.retention.unshared-after}. */
    public static final String NEVER_SHARED = "NEVER_SHARED";
    /** Every share of it was revoked before any download; kept no longer than the same time after that. */
    public static final String SHARE_REVOKED = "SHARE_REVOKED";

    @Id
    public UUID id;

    public String ownerId;
    public UUID clipId;
    public UUID shareId;
    public UUID requestId;
    public String sha256;
    public Instant deletedAt;
    public String reason;
    /** Where the deletion sits in the public consent log (null for deletions before the log existed). */
    public Long logIndex;

    public String leafHash;

    public static List<DeletionReceipt> ofOwner(String ownerId, int page, int size) {
        return find("ownerId = ?1 order by deletedAt desc, id", ownerId)
                .page(page, size)
                .list();
    }
}

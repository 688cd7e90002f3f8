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

    @Id
    public UUID id;

    public String ownerId;
    public UUID clipId;
    public UUID shareId;
    public UUID requestId;
    public String sha256;
    public Instant deletedAt;
    public String reason;

    public static List<DeletionReceipt> ofOwner(String ownerId, int page, int size) {
        return find("ownerId = ?1 order by deletedAt desc, id", ownerId)
                .page(page, size)
                .list();
    }
}

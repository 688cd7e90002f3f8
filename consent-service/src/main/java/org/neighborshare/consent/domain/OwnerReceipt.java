package org.neighborshare.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An owner's receipt for one entry of the public consent log about their footage: its type, index and leaf hash.
 * With the leaf hash the owner fetches an inclusion proof and so proves the entry is in the public record,
 * without the public learning who they are (the entry names them only by commitment). Append-only (a trigger).
 */
@Entity
public class OwnerReceipt extends PanacheEntityBase {

    @Id
    public UUID id;

    public String ownerId;
    /** The entry's type, e.g. {@code share.created}. */
    public String type;

    public long logIndex;
    public String leafHash;
    public UUID shareId;
    public UUID requestId;
    public UUID clipId;
    public String sha256;
    public Instant at;

    public static List<OwnerReceipt> ofOwner(String ownerId, int page, int size) {
        return find("ownerId = ?1 order by logIndex desc", ownerId)
                .page(page, size)
                .list();
    }
}

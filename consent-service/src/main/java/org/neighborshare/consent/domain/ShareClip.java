package org.neighborshare.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Which clips a share gives. */
@Entity
@IdClass(ShareClip.Key.class)
public class ShareClip extends PanacheEntityBase {

    @Id
    public UUID shareId;

    @Id
    public UUID clipId;

    public static ShareClip of(UUID shareId, UUID clipId) {
        ShareClip sc = new ShareClip();
        sc.shareId = shareId;
        sc.clipId = clipId;
        return sc;
    }

    public static List<ShareClip> ofShares(Collection<UUID> shareIds) {
        return shareIds.isEmpty() ? List.of() : list("shareId in ?1 order by clipId", shareIds);
    }

    public static class Key implements Serializable {
        public UUID shareId;
        public UUID clipId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(shareId, k.shareId) && Objects.equals(clipId, k.clipId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(shareId, clipId);
        }
    }
}

package org.neighborshare.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A request delivered to one owner because at least one of their active cameras lies in its area. */
@Entity
public class InboxItem extends PanacheEntityBase {

    @Id
    public UUID id;

    public String ownerId;
    public UUID requestId;
    public int cameras;
    public boolean urgent;
    public Instant receivedAt;
    public String response;
    public Instant respondedAt;

    /** The owner's cameras the request was delivered for (recorded at delivery, table inbox_camera). */
    @SuppressWarnings("unchecked")
    public static Set<UUID> askedCameras(UUID requestId, String ownerId) {
        List<UUID> ids = getEntityManager()
                .createNativeQuery(
                        "select camera_id from inbox_camera where request_id = ?1 and owner_id = ?2", UUID.class)
                .setParameter(1, requestId)
                .setParameter(2, ownerId)
                .getResultList();
        return ids.stream().collect(Collectors.toSet());
    }
}

package org.neighborshare.consent.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * Invariant I2: an owner's number within one request, assigned in the order owners first share for it. Numbers
 * start again at 1 for every request, so nothing links the same owner across requests.
 */
@Entity
@IdClass(RequestPseudonym.Key.class)
public class RequestPseudonym extends PanacheEntityBase {

    @Id
    public UUID requestId;

    @Id
    public String ownerId;

    public int number;

    public String label() {
        return label(number);
    }

    public static String label(int number) {
        return "Neighbor " + number;
    }

    /**
     * The owner's pseudonym for the request, assigned on first use. The caller must hold a lock that serialises
     * sharing for the request (the published request's row), so two owners never get the same number.
     */
    public static RequestPseudonym forOwner(UUID requestId, String ownerId) {
        RequestPseudonym p =
                find("requestId = ?1 and ownerId = ?2", requestId, ownerId).firstResult();
        if (p != null) {
            return p;
        }
        Integer max = getEntityManager()
                .createQuery("select max(p.number) from RequestPseudonym p where p.requestId = :r", Integer.class)
                .setParameter("r", requestId)
                .getSingleResult();
        p = new RequestPseudonym();
        p.requestId = requestId;
        p.ownerId = ownerId;
        p.number = (max == null ? 0 : max) + 1;
        p.persist();
        return p;
    }

    public static class Key implements Serializable {
        public UUID requestId;
        public String ownerId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(requestId, k.requestId) && Objects.equals(ownerId, k.ownerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(requestId, ownerId);
        }
    }
}

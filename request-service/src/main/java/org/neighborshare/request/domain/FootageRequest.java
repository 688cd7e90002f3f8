package org.neighborshare.request.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.neighborshare.shared.problem.ProblemException;

@Entity
public class FootageRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID agencyId;
    public String caseNumber;
    /** The case number's key for the per-case limit (RequestRules.caseKey). */
    public String caseKey;

    @Enumerated(EnumType.STRING)
    public IncidentType incidentType;

    public String description;
    public Instant windowStart;
    public Instant windowEnd;
    public double centerLatitude;
    public double centerLongitude;
    public double radiusMeters;
    public String contact;
    public boolean emergency;
    public String emergencyJustification;

    @Enumerated(EnumType.STRING)
    public RequestState state;

    public String stateReason;
    public String createdBy;
    public Instant createdAt;
    public Instant decidedAt;
    public Instant publishedAt;
    public Instant endedAt;

    @Version
    public long version;

    public void transition(RequestState target, String reason, Instant at) {
        if (!state.canBecome(target)) {
            throw ProblemException.conflict("request " + id + " is " + state + " and cannot become " + target);
        }
        switch (target) {
            case PUBLISHED -> {
                publishedAt = at;
                decidedAt = at;
            }
            case REJECTED -> decidedAt = at;
            default -> endedAt = at;
        }
        state = target;
        stateReason = reason;
    }

    public static long countForCase(UUID agencyId, String caseKey) {
        return count("agencyId = ?1 and caseKey = ?2 and state <> ?3", agencyId, caseKey, RequestState.REJECTED);
    }

    /**
     * The request, row-locked until the transaction ends: a second decision or close on it waits, then sees the
     * first one's state and is refused with a 409 instead of overwriting it.
     */
    public static FootageRequest findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Re-reads a request already loaded and row-locks it, as {@link #findForUpdate}. */
    public void lockForUpdate() {
        getEntityManager().refresh(this, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Row-locks the requests matching {@code query}, in id order so that two replicas never deadlock; PostgreSQL
     * re-checks the condition after waiting, so a request another transaction has just ended is not returned.
     */
    public static List<FootageRequest> listForUpdate(String query, Object... params) {
        return find(query + " order by id", params)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    public static List<UUID> agenciesWithOpenRequests() {
        return getEntityManager()
                .createQuery("select distinct r.agencyId from FootageRequest r where r.state in :open", UUID.class)
                .setParameter("open", RequestState.OPEN)
                .getResultList();
    }
}

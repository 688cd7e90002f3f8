package org.neighborshare.agency.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * One step of an agency's history: a state change with who made it, why and when. Every state change writes one,
 * in its own transaction, so the public record keeps each suspension and its reason after a reinstatement
 * (docs/invariants.md, I3); the table refuses updates and deletes (V3 migration) and is kept forever (I4).
 */
@Entity
public class AgencyDecision extends PanacheEntityBase {

    /** What happened; {@link #APPLY} and {@link #START_REVIEW} are not decisions but belong to the record. */
    public enum Action {
        APPLY,
        START_REVIEW,
        APPROVE,
        REJECT,
        SUSPEND,
        REINSTATE,
        REVOKE,
        EXPIRE,
        REVET
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public UUID agencyId;
    /** Reviewer, applicant or "scheduler"; internal, never published. */
    public String reviewerId;

    @Enumerated(EnumType.STRING)
    public Action action;
    /** Null for the application, which has no previous state. */
    @Enumerated(EnumType.STRING)
    public AgencyState fromState;

    @Enumerated(EnumType.STRING)
    public AgencyState toState;
    /** Null where nothing was decided (application, start of review). */
    public String reason;

    public Instant decidedAt;

    static void record(
            UUID agencyId, AgencyState from, AgencyState to, Action action, String reason, String by, Instant at) {
        AgencyDecision d = new AgencyDecision();
        d.agencyId = agencyId;
        d.reviewerId = by;
        d.action = action;
        d.fromState = from;
        d.toState = to;
        d.reason = reason;
        d.decidedAt = at;
        d.persist();
    }

    public static List<AgencyDecision> historyOf(UUID agencyId) {
        return list("agencyId = ?1 order by decidedAt, id", agencyId);
    }

    /** The histories of many agencies in one query, each in order. */
    public static List<AgencyDecision> historiesOf(Collection<UUID> agencyIds) {
        return agencyIds.isEmpty() ? List.of() : list("agencyId in ?1 order by agencyId, decidedAt, id", agencyIds);
    }
}

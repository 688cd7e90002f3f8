package org.neighborshare.agency.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.neighborshare.shared.problem.ProblemException;

@Entity
public class Agency extends PanacheEntityBase {

    @Id
    public UUID id;

    public String officialName;

    @Enumerated(EnumType.STRING)
    public AgencyType type;

    public String officialDomain;
    public String website;
    /** GeoJSON Polygon text, validated on the way in. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String jurisdiction;

    @Column(name = "official_name_person")
    public String officialPersonName;

    public String officialTitle;
    public String officialEmail;
    public Instant policyAcceptedAt;
    public String applicantId;
    public String applicantEmail;

    @Enumerated(EnumType.STRING)
    public AgencyState state;

    public String stateReason;
    public Instant appliedAt;
    public Instant approvedAt;
    public Instant stateChangedAt;

    @Version
    public long version;

    /** Stores a new application and the first step of its history. */
    public void submit(Instant at) {
        state = AgencyState.APPLIED;
        appliedAt = at;
        stateChangedAt = at;
        persist();
        AgencyDecision.record(id, null, state, AgencyDecision.Action.APPLY, null, applicantId, at);
    }

    /**
     * Moves the agency along its life cycle and records the step in its history; an illegal move is a 409 and
     * changes nothing. The only way the state changes, so no change goes unrecorded (docs/invariants.md, I3).
     */
    public void transition(AgencyState target, AgencyDecision.Action action, String reason, String by, Instant at) {
        if (!state.canBecome(target)) {
            throw ProblemException.conflict("agency " + id + " is " + state + " and cannot become " + target);
        }
        if (target == AgencyState.APPROVED && state != AgencyState.SUSPENDED) {
            approvedAt = at;
        }
        AgencyState from = state;
        state = target;
        stateReason = reason;
        stateChangedAt = at;
        AgencyDecision.record(id, from, target, action, reason, by, at);
    }

    /**
     * The agency, its row locked until the transaction ends. Every change to an agency (state, checklist,
     * members) takes this lock first, so racing changes run one after the other and the losers see the winner's
     * result: a 409, never a constraint violation or a lost update.
     */
    public static Agency lockById(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Holds, until the transaction ends, the lock on applying for this official domain: the check for an open
     * application and the insert then cannot interleave with another applicant's.
     */
    public static void lockDomain(String domain) {
        getEntityManager()
                .createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "agency-domain:" + domain.toLowerCase(Locale.ROOT))
                .getSingleResult();
    }

    /**
     * Approved agencies whose approval is older than {@code approvedBefore}, locked. PostgreSQL re-checks the
     * condition on a row another transaction changed meanwhile, so an agency suspended or re-vetted while this
     * waited is not returned.
     */
    public static List<Agency> lockDueForExpiry(Instant approvedBefore) {
        return find("state = ?1 and approvedAt < ?2", AgencyState.APPROVED, approvedBefore)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /**
     * The public directory: every agency ever approved (also while it is re-vetted), and rejected applications
     * (docs/invariants.md, I3). Same rule as {@link #isPublic()}.
     */
    public static List<Agency> directory() {
        return list("approvedAt is not null or state = ?1 order by officialName, id", AgencyState.REJECTED);
    }

    public boolean isPublic() {
        return approvedAt != null || state == AgencyState.REJECTED;
    }

    public static List<Agency> byApplicant(String applicantId) {
        return list("applicantId = ?1 order by appliedAt desc", applicantId);
    }

    public static boolean openApplicationExists(String domain) {
        return count(
                        "lower(officialDomain) = ?1 and state in ?2",
                        domain.toLowerCase(Locale.ROOT),
                        List.of(AgencyState.APPLIED, AgencyState.IN_REVIEW))
                > 0;
    }
}

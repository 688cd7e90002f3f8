package org.neighborshare.agency.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.neighborshare.agency.domain.Agency;
import org.neighborshare.agency.domain.AgencyDecision;
import org.neighborshare.agency.domain.MemberCommitment;
import org.neighborshare.agency.domain.VettingItem;
import org.neighborshare.shared.audit.AuditEventType;
import org.neighborshare.shared.audit.AuditFact;
import org.neighborshare.shared.audit.AuditLog;
import org.neighborshare.shared.audit.AuditReceipt;
import org.neighborshare.shared.audit.Commitments;

/**
 * What agency-service writes to its public log: one fact per decision on an agency or its members, appended in
 * the decision's own transaction (so a refused or lost decision appends nothing). The attribute names are the
 * contract the verifier and the transparency report read (README, "What each entry reveals and why").
 */
@ApplicationScoped
public class PublicAgencyLog {

    /** Fixed public actors for ticks and decisions that no reviewer made. */
    static final String APPLICANT = "applicant";

    static final String IDENTITY_PROVIDER = "identity-provider";

    @Inject
    AuditLog log;

    @Inject
    Commitments commitments;

    void applied(Agency a, Instant at) {
        log.append(fact(AuditEventType.AGENCY_APPLIED, a, at).with("agencyType", a.type.name()));
    }

    /** {@code by} is a reviewer's subject, or one of the fixed actors of an automatic tick. */
    void checked(Agency a, VettingItem item, String by, Instant at) {
        log.append(fact(AuditEventType.AGENCY_CHECKED, a, at)
                .with("item", item.name())
                .with("reviewer", actor(by)));
    }

    /** A decision of {@link AgencyDecision.Action#APPROVE} to {@link AgencyDecision.Action#REVET}. */
    void decided(Agency a, AgencyDecision.Action action, String reason, String by, Instant at) {
        AuditEventType type = switch (action) {
            case APPROVE -> AuditEventType.AGENCY_APPROVED;
            case REJECT -> AuditEventType.AGENCY_REJECTED;
            case SUSPEND -> AuditEventType.AGENCY_SUSPENDED;
            case REINSTATE -> AuditEventType.AGENCY_REINSTATED;
            case REVOKE -> AuditEventType.AGENCY_REVOKED;
            case EXPIRE -> AuditEventType.AGENCY_EXPIRED;
            case REVET -> AuditEventType.AGENCY_REVETTING;
            case APPLY, START_REVIEW ->
                throw new IllegalArgumentException(action + " is logged as agency.applied / agency.checked");
        };
        AuditFact fact = fact(type, a, at);
        // An expiry is the scheduler's, not a reviewer's: it has a reason and no reviewer.
        if (action != AgencyDecision.Action.EXPIRE) {
            fact = fact.with("reviewer", actor(by));
        }
        if (reason != null) {
            fact = fact.with("reason", reason);
        }
        log.append(fact);
    }

    /**
     * A member gained ({@code added}) or lost a role: logs a fresh commitment to them (see {@link MemberCommitment})
     * and keeps its salt with the entry's receipt for the agency's admins.
     */
    void member(UUID agencyId, String userId, String role, boolean added, Instant at) {
        MemberCommitment m = MemberCommitment.of(agencyId, userId, role, added, at);
        AuditEventType type = added ? AuditEventType.MEMBER_ADDED : AuditEventType.MEMBER_REMOVED;
        AuditReceipt receipt = log.append(AuditFact.of(type, at)
                .with("agency", agencyId.toString())
                .with("member", m.commitment)
                .with("role", role));
        m.logIndex = receipt.index();
        m.leafHash = receipt.leafHashHex();
        m.persist();
    }

    /** The public id of whoever decided: a reviewer's pseudonymous id, or a fixed actor name as it is. */
    private String actor(String by) {
        return switch (by) {
            case APPLICANT, IDENTITY_PROVIDER, AgencyService.EXPIRY, DemoAgency.SEEDER -> by;
            default -> commitments.reviewer(by);
        };
    }

    private static AuditFact fact(AuditEventType type, Agency a, Instant at) {
        return AuditFact.of(type, at).with("agency", a.id.toString());
    }
}

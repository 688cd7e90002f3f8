package org.neighborshare.request.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.neighborshare.request.domain.FootageRequest;
import org.neighborshare.shared.audit.AuditEventType;
import org.neighborshare.shared.audit.AuditFact;
import org.neighborshare.shared.audit.AuditLog;
import org.neighborshare.shared.audit.Commitments;

/**
 * What request-service writes to its public log: one fact per decision on a request, appended in the
 * decision's transaction. Never the case number, description, contact, area or author: those are the agency's
 * (the area is published coarsened by the request log, not here). Attribute names are the contract the verifier
 * and the transparency report read (README, "What each entry reveals and why").
 */
@ApplicationScoped
public class PublicRequestLog {

    /** The public actor of a rejection that no reviewer made: the revoked agency's pending requests. */
    static final String REVOKED_AGENCY_SWEEP = "revoked-agency-sweep";

    @Inject
    AuditLog log;

    @Inject
    Commitments commitments;

    void submitted(FootageRequest r) {
        log.append(fact(AuditEventType.REQUEST_SUBMITTED, r, r.createdAt)
                .with("incidentType", r.incidentType.name())
                .with("emergency", Boolean.toString(r.emergency)));
    }

    void published(FootageRequest r, String reviewerSubject) {
        log.append(decision(AuditEventType.REQUEST_PUBLISHED, r, commitments.reviewer(reviewerSubject)));
    }

    void rejected(FootageRequest r, String reviewerSubject) {
        rejectedBy(r, commitments.reviewer(reviewerSubject));
    }

    /** A pending request of a revoked agency, rejected by the sweep with the revocation's reason. */
    void rejectedBySweep(FootageRequest r) {
        rejectedBy(r, REVOKED_AGENCY_SWEEP);
    }

    /** request.closed or request.expired, with the state's reason. */
    void ended(FootageRequest r, AuditEventType type, Instant at) {
        log.append(fact(type, r, at).with("reason", r.stateReason));
    }

    private void rejectedBy(FootageRequest r, String reviewer) {
        AuditFact fact = decision(AuditEventType.REQUEST_REJECTED, r, reviewer);
        log.append(r.stateReason == null ? fact : fact.with("reason", r.stateReason));
    }

    /** The decision time of a request is {@code at - submittedAt}; emergencies are counted apart. */
    private static AuditFact decision(AuditEventType type, FootageRequest r, String reviewer) {
        return fact(type, r, r.decidedAt)
                .with("reviewer", reviewer)
                .with("emergency", Boolean.toString(r.emergency))
                .with("submittedAt", r.createdAt.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    private static AuditFact fact(AuditEventType type, FootageRequest r, Instant at) {
        return AuditFact.of(type, at).with("request", r.id.toString()).with("agency", r.agencyId.toString());
    }
}

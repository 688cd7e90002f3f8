package org.neighborshare.agency.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.neighborshare.agency.api.AgencyApplicationRequest;
import org.neighborshare.agency.api.DecisionRequest;
import org.neighborshare.agency.domain.Agency;
import org.neighborshare.agency.domain.AgencyDecision;
import org.neighborshare.agency.domain.AgencyState;
import org.neighborshare.shared.geo.GeoJsonPolygon;
import org.neighborshare.shared.problem.ProblemException;
import org.neighborshare.shared.security.Caller;

/** Enrolment and vetting use cases; each runs in one transaction so a failure stores nothing. */
@ApplicationScoped
public class AgencyService {

    @Inject
    Clock clock;

    @Transactional
    public Agency apply(AgencyApplicationRequest in, Caller caller) {
        GeoJsonPolygon.parse(in.jurisdiction(), "jurisdiction");
        if (Agency.openApplicationExists(in.officialDomain())) {
            throw ProblemException.conflict("officialDomain: an open application for " + in.officialDomain() + " exists");
        }
        Instant now = clock.instant();
        Agency a = new Agency();
        a.id = UUID.randomUUID();
        a.officialName = in.officialName().strip();
        a.type = in.type();
        a.officialDomain = in.officialDomain().toLowerCase();
        a.website = in.website();
        a.jurisdiction = in.jurisdiction().toString();
        a.officialPersonName = in.authorizingOfficial().name();
        a.officialTitle = in.authorizingOfficial().title();
        a.officialEmail = in.authorizingOfficial().email();
        a.policyAcceptedAt = now;
        a.applicantId = caller.id();
        a.applicantEmail = caller.email().orElse("");
        a.state = AgencyState.APPLIED;
        a.appliedAt = now;
        a.stateChangedAt = now;
        a.persist();
        return a;
    }

    public List<Agency> mine(Caller caller) {
        return Agency.byApplicant(caller.id());
    }

    public List<Agency> queue() {
        return Agency.list("state in ?1 order by appliedAt", List.of(AgencyState.APPLIED, AgencyState.IN_REVIEW));
    }

    @Transactional
    public Agency decide(UUID agencyId, DecisionRequest decision, Caller reviewer) {
        Agency a = find(agencyId);
        if (reviewer.id().equals(a.applicantId) || reviewer.agencyRoles().stream().anyMatch(r -> r.startsWith(agencyId + ":"))) {
            throw ProblemException.forbidden("a reviewer cannot vet an agency they applied for or belong to");
        }
        AgencyState target = decision.decision() == DecisionRequest.Outcome.APPROVE ? AgencyState.APPROVED : AgencyState.REJECTED;
        record(a, target, decision.decision().name(), decision.reason(), reviewer);
        return a;
    }

    public Agency find(UUID id) {
        Agency a = Agency.findById(id);
        if (a == null) {
            throw ProblemException.notFound("agency " + id);
        }
        return a;
    }

    private void record(Agency a, AgencyState target, String action, String reason, Caller reviewer) {
        AgencyState from = a.state;
        Instant now = clock.instant();
        a.transition(target, reason, now);
        AgencyDecision d = new AgencyDecision();
        d.agencyId = a.id;
        d.reviewerId = reviewer.id();
        d.action = action;
        d.fromState = from;
        d.toState = target;
        d.reason = reason;
        d.decidedAt = now;
        d.persist();
    }
}

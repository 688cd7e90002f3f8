package org.neighborshare.agency.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.neighborshare.agency.api.AgencyApplicationRequest;
import org.neighborshare.agency.api.DecisionRequest;
import org.neighborshare.agency.config.AgencyConfig;
import org.neighborshare.agency.domain.Agency;
import org.neighborshare.agency.domain.AgencyDecision;
import org.neighborshare.agency.domain.AgencyState;
import org.neighborshare.agency.domain.Vetting;
import org.neighborshare.agency.domain.VettingItem;
import org.neighborshare.agency.roles.AgencyRoles;
import org.neighborshare.shared.geo.GeoJsonPolygon;
import org.neighborshare.shared.problem.ProblemException;
import org.neighborshare.shared.security.Caller;

/** Enrolment, vetting and the agency life cycle; each use case is one transaction, so a failure stores nothing. */
@ApplicationScoped
public class AgencyService {

    @Inject
    Clock clock;
    @Inject
    AgencyRoles roles;
    @Inject
    AgencyConfig config;

    @Transactional
    public Agency apply(AgencyApplicationRequest in, Caller caller) {
        GeoJsonPolygon.parse(in.jurisdiction(), "jurisdiction");
        String domain = in.officialDomain().toLowerCase(Locale.ROOT);
        if (Agency.openApplicationExists(domain)) {
            throw new ProblemException(409, "Conflict", "officialDomain: an open application for " + domain + " exists",
                    List.of(new org.neighborshare.shared.problem.Problem.FieldError("officialDomain", "an open application exists")));
        }
        Instant now = clock.instant();
        Agency a = new Agency();
        a.id = UUID.randomUUID();
        a.officialName = in.officialName().strip();
        a.type = in.type();
        a.officialDomain = domain;
        a.website = in.website();
        a.jurisdiction = canonical(in.jurisdiction());
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
        Vetting.tick(a.id, VettingItem.POLICY_ATTESTATION, Vetting.APPLICANT, "use policy accepted by " + caller.id(), now);
        if (caller.emailVerified() && caller.email().map(e -> domainOf(e).equals(domain)).orElse(false)) {
            Vetting.tick(a.id, VettingItem.OFFICIAL_DOMAIN, Vetting.IDENTITY_PROVIDER,
                    "verified e-mail " + caller.email().get(), now);
        }
        return a;
    }

    public List<Agency> mine(Caller caller) {
        return Agency.byApplicant(caller.id());
    }

    public List<Agency> queue() {
        return Agency.list("state in ?1 order by appliedAt", List.of(AgencyState.APPLIED, AgencyState.IN_REVIEW));
    }

    @Transactional
    public Agency check(UUID agencyId, VettingItem item, String note, Caller reviewer) {
        Agency a = find(agencyId);
        requireIndependent(a, reviewer);
        if (!item.tickedByReviewer()) {
            throw ProblemException.invalidField("item", item + " is checked automatically, not by a reviewer");
        }
        if (!a.state.isOpen()) {
            throw ProblemException.conflict("agency " + agencyId + " is " + a.state + ", not under vetting");
        }
        Vetting.tick(agencyId, item, reviewer.id(), note, clock.instant());
        if (a.state == AgencyState.APPLIED) {
            a.transition(AgencyState.IN_REVIEW, null, clock.instant());
        }
        return a;
    }

    @Transactional
    public Agency decide(UUID agencyId, DecisionRequest decision, Caller reviewer) {
        Agency a = find(agencyId);
        requireIndependent(a, reviewer);
        if (decision.decision() == DecisionRequest.Outcome.REJECT) {
            record(a, AgencyState.REJECTED, "REJECT", decision.reason(), reviewer);
            return a;
        }
        if (!a.state.isOpen()) {
            throw ProblemException.conflict("agency " + agencyId + " is " + a.state + " and cannot become APPROVED");
        }
        Vetting.requireApprovable(agencyId, reviewer.id());
        record(a, AgencyState.APPROVED, "APPROVE", decision.reason(), reviewer);
        // Roles are granted inside the transaction: if Keycloak fails, the approval rolls back with it.
        roles.createAgency(a.id);
        roles.grant(a.id, a.applicantId, Caller.AGENCY_ADMIN);
        return a;
    }

    @Transactional
    public Agency suspend(UUID agencyId, String reason, Caller reviewer) {
        return change(agencyId, AgencyState.SUSPENDED, "SUSPEND", reason, reviewer);
    }

    @Transactional
    public Agency reinstate(UUID agencyId, String reason, Caller reviewer) {
        Agency a = find(agencyId);
        if (a.state != AgencyState.SUSPENDED) {
            throw ProblemException.conflict("agency " + agencyId + " is " + a.state + "; only a suspended agency is reinstated");
        }
        return change(agencyId, AgencyState.APPROVED, "REINSTATE", reason, reviewer);
    }

    @Transactional
    public Agency revoke(UUID agencyId, String reason, Caller reviewer) {
        return change(agencyId, AgencyState.REVOKED, "REVOKE", reason, reviewer);
    }

    /** Re-vetting brings an expired agency back into review with the reviewers' checklist items cleared. */
    @Transactional
    public Agency revet(UUID agencyId, String reason, Caller reviewer) {
        Agency a = find(agencyId);
        requireIndependent(a, reviewer);
        if (a.state != AgencyState.EXPIRED) {
            throw ProblemException.conflict("agency " + agencyId + " is " + a.state + "; only an expired agency is re-vetted");
        }
        Vetting.resetReviewerItems(agencyId);
        record(a, AgencyState.IN_REVIEW, "REVET", reason, reviewer);
        return a;
    }

    /** Approvals older than the validity period expire; run by the scheduler and by tests with a moved clock. */
    @Transactional
    public int expireDue() {
        Instant now = clock.instant();
        List<Agency> due = Agency.list("state = ?1 and approvedAt < ?2", AgencyState.APPROVED,
                now.minus(config.approvalValidity()));
        for (Agency a : due) {
            AgencyState from = a.state;
            a.transition(AgencyState.EXPIRED, "approval older than " + config.approvalValidity().toDays() + " days", now);
            log(a, from, "EXPIRE", a.stateReason, "scheduler", now);
        }
        return due.size();
    }

    public List<AgencyDecision> decisions(UUID agencyId) {
        return AgencyDecision.list("agencyId = ?1 order by decidedAt", agencyId);
    }

    public Agency find(UUID id) {
        Agency a = Agency.findById(id);
        if (a == null) {
            throw ProblemException.notFound("agency " + id);
        }
        return a;
    }

    private Agency change(UUID agencyId, AgencyState target, String action, String reason, Caller reviewer) {
        Agency a = find(agencyId);
        requireIndependent(a, reviewer);
        record(a, target, action, reason, reviewer);
        return a;
    }

    /** A reviewer who applied for or belongs to the agency cannot decide on it. */
    private static void requireIndependent(Agency a, Caller reviewer) {
        boolean member = reviewer.agencyRoles().stream().anyMatch(r -> r.startsWith(a.id + ":"));
        if (reviewer.id().equals(a.applicantId) || member) {
            throw ProblemException.forbidden("a reviewer cannot vet an agency they applied for or belong to");
        }
    }

    private void record(Agency a, AgencyState target, String action, String reason, Caller reviewer) {
        AgencyState from = a.state;
        Instant now = clock.instant();
        a.transition(target, reason, now);
        log(a, from, action, reason, reviewer.id(), now);
    }

    private static void log(Agency a, AgencyState from, String action, String reason, String by, Instant at) {
        AgencyDecision d = new AgencyDecision();
        d.agencyId = a.id;
        d.reviewerId = by;
        d.action = action;
        d.fromState = from;
        d.toState = a.state;
        d.reason = reason;
        d.decidedAt = at;
        d.persist();
    }

    /**
     * The jurisdiction as stored and published: a GeoJSON Polygon's type and its [longitude, latitude] positions,
     * nothing else. Whatever else an applicant put in (foreign members such as a "crs" link that a GIS client might
     * follow, "bbox", ids, extra values in positions) is dropped, never republished in the public directory.
     * Call after {@link GeoJsonPolygon#parse}, which has checked the shape.
     */
    static String canonical(JsonNode polygon) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("type", "Polygon");
        ArrayNode rings = out.putArray("coordinates");
        for (JsonNode ring : polygon.path("coordinates")) {
            ArrayNode positions = rings.addArray();
            for (JsonNode position : ring) {
                positions.addArray().add(position.get(0)).add(position.get(1));
            }
        }
        return out.toString();
    }

    static String domainOf(String email) {
        return email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}

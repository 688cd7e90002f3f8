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
import org.neighborshare.agency.config.AgencyConfig;
import org.neighborshare.agency.domain.Agency;
import org.neighborshare.agency.domain.AgencyDecision;
import org.neighborshare.agency.domain.AgencyState;
import org.neighborshare.agency.domain.Vetting;
import org.neighborshare.agency.domain.VettingItem;
import org.neighborshare.agency.domain.VettingOutcome;
import org.neighborshare.agency.roles.AgencyRoles;
import org.neighborshare.shared.geo.GeoJsonPolygon;
import org.neighborshare.shared.problem.ProblemException;
import org.neighborshare.shared.security.AgencyRole;
import org.neighborshare.shared.security.Caller;

/** Enrolment, vetting and the agency life cycle; each use case is one transaction, so a failure stores nothing. */
@ApplicationScoped
public class AgencyService {

    /** Who the history names for an expiry. */
    static final String EXPIRY = "scheduler";

    @Inject
    Clock clock;

    @Inject
    AgencyRoles roles;

    @Inject
    AgencyConfig config;

    @Inject
    PublicAgencyLog log;

    @Transactional
    public Agency apply(AgencyApplication in, Caller caller) {
        GeoJsonPolygon.parse(in.jurisdiction(), "jurisdiction");
        String domain = in.officialDomain().toLowerCase(Locale.ROOT);
        // Racing applications for one domain queue here; each then sees whether an earlier one was stored.
        Agency.lockDomain(domain);
        if (Agency.openApplicationExists(domain)) {
            throw ProblemException.conflictingField("officialDomain", "an open application for " + domain + " exists");
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
        a.submit(now);
        log.applied(a, now);
        Vetting.tick(
                a.id, VettingItem.POLICY_ATTESTATION, Vetting.APPLICANT, "use policy accepted by " + caller.id(), now);
        log.checked(a, VettingItem.POLICY_ATTESTATION, PublicAgencyLog.APPLICANT, now);
        if (caller.emailVerified()
                && caller.email().map(e -> domainOf(e).equals(domain)).orElse(false)) {
            Vetting.tick(
                    a.id,
                    VettingItem.OFFICIAL_DOMAIN,
                    Vetting.IDENTITY_PROVIDER,
                    "verified e-mail " + caller.email().get(),
                    now);
            log.checked(a, VettingItem.OFFICIAL_DOMAIN, PublicAgencyLog.IDENTITY_PROVIDER, now);
        }
        return a;
    }

    public List<Agency> mine(Caller caller) {
        return Agency.byApplicant(caller.id());
    }

    public List<Agency> queue() {
        return Agency.list("state in ?1 order by appliedAt", List.of(AgencyState.APPLIED, AgencyState.IN_REVIEW));
    }

    /** Ticks one checklist item; a second tick of the same item, also a simultaneous one, is a 409. */
    @Transactional
    public Agency check(UUID agencyId, VettingItem item, String note, Caller reviewer) {
        Agency a = lock(agencyId);
        requireIndependent(a, reviewer);
        if (!item.tickedByReviewer()) {
            throw ProblemException.invalidField("item", item + " is checked automatically, not by a reviewer");
        }
        if (!a.state.isOpen()) {
            throw ProblemException.conflict("agency " + agencyId + " is " + a.state + ", not under vetting");
        }
        Instant now = clock.instant();
        Vetting.tick(agencyId, item, reviewer.id(), note, now);
        if (a.state == AgencyState.APPLIED) {
            a.transition(AgencyState.IN_REVIEW, AgencyDecision.Action.START_REVIEW, null, reviewer.id(), now);
        }
        log.checked(a, item, reviewer.id(), now);
        return a;
    }

    @Transactional
    public Agency decide(UUID agencyId, VettingOutcome outcome, String reason, Caller reviewer) {
        Agency a = lock(agencyId);
        requireIndependent(a, reviewer);
        if (outcome == VettingOutcome.REJECT) {
            record(a, AgencyState.REJECTED, AgencyDecision.Action.REJECT, reason, reviewer);
            return a;
        }
        if (!a.state.isOpen()) {
            throw ProblemException.conflict("agency " + agencyId + " is " + a.state + " and cannot become APPROVED");
        }
        Vetting.requireApprovable(agencyId, reviewer.id());
        // Approval makes the applicant agency-admin, and a platform reviewer holds no agency role: whoever applied
        // while a reviewer, or became one since, is refused here (docs/rules.md, reviewers and agencies).
        if (roles.isReviewer(a.applicantId)) {
            throw ProblemException.conflict("the applicant of agency " + agencyId
                    + " is a platform reviewer and cannot become its agency-admin");
        }
        record(a, AgencyState.APPROVED, AgencyDecision.Action.APPROVE, reason, reviewer);
        // Roles are granted inside the transaction, under the agency's lock: if Keycloak fails, the approval rolls
        // back with it, and a racing approval waits and then finds the agency approved (409).
        roles.createAgency(a.id);
        roles.grant(a.id, a.applicantId, AgencyRole.AGENCY_ADMIN);
        log.member(a.id, a.applicantId, AgencyRole.AGENCY_ADMIN, true, a.stateChangedAt);
        return a;
    }

    /**
     * Suspension and revocation protect the public, so any reviewer may make them: unlike vetting or
     * reinstatement they are not refused to a reviewer whom the agency counts as a member (docs/rules.md).
     */
    @Transactional
    public Agency suspend(UUID agencyId, String reason, Caller reviewer) {
        Agency a = lock(agencyId);
        record(a, AgencyState.SUSPENDED, AgencyDecision.Action.SUSPEND, reason, reviewer);
        return a;
    }

    @Transactional
    public Agency reinstate(UUID agencyId, String reason, Caller reviewer) {
        Agency a = lock(agencyId);
        requireIndependent(a, reviewer);
        if (a.state != AgencyState.SUSPENDED) {
            throw ProblemException.conflict(
                    "agency " + agencyId + " is " + a.state + "; only a suspended agency is reinstated");
        }
        record(a, AgencyState.APPROVED, AgencyDecision.Action.REINSTATE, reason, reviewer);
        return a;
    }

    /** See {@link #suspend}: never refused because of membership. */
    @Transactional
    public Agency revoke(UUID agencyId, String reason, Caller reviewer) {
        Agency a = lock(agencyId);
        record(a, AgencyState.REVOKED, AgencyDecision.Action.REVOKE, reason, reviewer);
        return a;
    }

    /** Re-vetting brings an expired agency back into review with the reviewers' checklist items cleared. */
    @Transactional
    public Agency revet(UUID agencyId, String reason, Caller reviewer) {
        Agency a = lock(agencyId);
        requireIndependent(a, reviewer);
        if (a.state != AgencyState.EXPIRED) {
            throw ProblemException.conflict(
                    "agency " + agencyId + " is " + a.state + "; only an expired agency is re-vetted");
        }
        Vetting.resetReviewerItems(agencyId);
        record(a, AgencyState.IN_REVIEW, AgencyDecision.Action.REVET, reason, reviewer);
        return a;
    }

    /**
     * Approvals older than the validity period expire; run by the scheduler and by tests with a moved clock.
     * Takes the same row locks as a reviewer's decision, so an agency suspended meanwhile is skipped, not lost.
     */
    @Transactional
    public int expireDue() {
        Instant now = clock.instant();
        List<Agency> due = Agency.lockDueForExpiry(now.minus(config.approvalValidity()));
        String reason = "approval older than " + config.approvalValidity().toDays() + " days";
        for (Agency a : due) {
            a.transition(AgencyState.EXPIRED, AgencyDecision.Action.EXPIRE, reason, EXPIRY, now);
            log.decided(a, AgencyDecision.Action.EXPIRE, reason, EXPIRY, now);
        }
        return due.size();
    }

    /** The public history of an agency that is in the public directory. */
    public List<AgencyDecision> history(UUID agencyId) {
        Agency a = Agency.findById(agencyId);
        if (a == null || !a.isPublic()) {
            throw ProblemException.notFound("agency " + agencyId);
        }
        return AgencyDecision.historyOf(agencyId);
    }

    public Agency find(UUID id) {
        Agency a = Agency.findById(id);
        if (a == null) {
            throw ProblemException.notFound("agency " + id);
        }
        return a;
    }

    /** The agency, locked for the rest of the transaction (see {@link Agency#lockById}). */
    Agency lock(UUID id) {
        Agency a = Agency.lockById(id);
        if (a == null) {
            throw ProblemException.notFound("agency " + id);
        }
        return a;
    }

    /**
     * A reviewer who applied for or belongs to the agency cannot vet it or reinstate it. Membership is read from
     * the reviewer's token; adding a reviewer to an agency is refused (MemberService), so this bites only on a
     * role the identity provider granted by hand.
     */
    private static void requireIndependent(Agency a, Caller reviewer) {
        if (reviewer.id().equals(a.applicantId) || reviewer.isMemberOf(a.id)) {
            throw ProblemException.forbidden("a reviewer cannot vet an agency they applied for or belong to");
        }
    }

    /** The one way a reviewer's decision is made: the state change, its history step and its public entry. */
    private void record(Agency a, AgencyState target, AgencyDecision.Action action, String reason, Caller reviewer) {
        Instant now = clock.instant();
        a.transition(target, action, reason, reviewer.id(), now);
        log.decided(a, action, reason, reviewer.id(), now);
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

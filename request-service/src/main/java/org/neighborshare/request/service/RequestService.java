package org.neighborshare.request.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.neighborshare.request.agency.AgencyDirectory;
import org.neighborshare.request.config.RequestConfig;
import org.neighborshare.request.domain.FootageRequest;
import org.neighborshare.request.domain.ModerationOutcome;
import org.neighborshare.request.domain.RequestState;
import org.neighborshare.shared.audit.AuditEventType;
import org.neighborshare.shared.events.RequestEnded;
import org.neighborshare.shared.events.RequestPublished;
import org.neighborshare.shared.geo.GeoCircle;
import org.neighborshare.shared.geo.GeoJsonPolygon;
import org.neighborshare.shared.problem.ProblemException;
import org.neighborshare.shared.security.Caller;

/**
 * Footage request use cases. Every state change and its feed event commit together. Every change of an existing
 * request row-locks it first, and takes that lock before the feed's, so that racing changes queue up (the later
 * ones see the earlier outcome and get a 409) and never deadlock.
 */
@ApplicationScoped
public class RequestService {

    /** The length of the stored state reason (V1__footage_requests.sql). */
    private static final int REASON_LENGTH = 2000;

    @Inject
    Clock clock;

    @Inject
    RequestRules rules;

    @Inject
    RequestFeed feed;

    @Inject
    RequestConfig config;

    @Inject
    AgencyDirectory directory;

    @Inject
    AgencyLock agencyLock;

    @Inject
    ReviewerIndependence independence;

    @Inject
    PublicRequestLog log;

    @Transactional
    public FootageRequest create(UUID agencyId, NewFootageRequest in, Caller investigator) {
        Instant now = clock.instant();
        rules.checkWindow(in.windowStart(), in.windowEnd(), now);
        GeoCircle area = rules.checkArea(in.area());
        boolean emergency = in.emergency();
        rules.checkEmergency(emergency, in.emergencyJustification());
        AgencyDirectory.AgencyFacts agency = directory.facts(agencyId);
        if (!agency.approved()) {
            throw ProblemException.forbidden("agency " + agencyId + " is " + agency.state());
        }
        rules.checkCentre(area, GeoJsonPolygon.parse(agency.jurisdiction(), "jurisdiction"));
        String caseNumber = in.caseNumber().strip();
        String caseKey = rules.caseKey(caseNumber);

        // Count and insert under the agency's lock, or concurrent creates all see room for one more.
        agencyLock.acquire(agencyId);
        rules.checkDailyQuota(
                FootageRequest.count("agencyId = ?1 and createdAt > ?2", agencyId, now.minus(Duration.ofDays(1))));
        rules.checkCaseNumber(FootageRequest.countForCase(agencyId, caseKey));

        FootageRequest r = new FootageRequest();
        r.id = UUID.randomUUID();
        r.agencyId = agencyId;
        r.caseNumber = caseNumber;
        r.caseKey = caseKey;
        r.incidentType = in.incidentType();
        r.description = in.description();
        r.windowStart = in.windowStart();
        r.windowEnd = in.windowEnd();
        r.centerLatitude = in.area().latitude();
        r.centerLongitude = in.area().longitude();
        r.radiusMeters = in.area().radiusMeters();
        r.contact = in.contact();
        r.emergency = emergency;
        r.emergencyJustification = emergency ? in.emergencyJustification() : null;
        r.state = RequestState.PENDING_REVIEW;
        r.createdBy = investigator.id();
        r.createdAt = now;
        r.persist();
        log.submitted(r);
        return r;
    }

    public List<FootageRequest> forAgency(UUID agencyId, int page, int size) {
        return FootageRequest.find("agencyId = ?1 order by createdAt desc", agencyId)
                .page(page, Math.min(size, config.maxPageSize()))
                .list();
    }

    /** An agency asking for another agency's request gets the same 404 as for one that does not exist. */
    public FootageRequest ofAgency(UUID agencyId, UUID requestId) {
        FootageRequest r = FootageRequest.findById(requestId);
        return ownedBy(agencyId, r, requestId);
    }

    @Transactional
    public FootageRequest close(UUID agencyId, UUID requestId) {
        FootageRequest r = ownedBy(agencyId, FootageRequest.findForUpdate(requestId), requestId);
        end(r, RequestState.CLOSED, "closed by the agency");
        return r;
    }

    private static FootageRequest ownedBy(UUID agencyId, FootageRequest r, UUID requestId) {
        if (r == null || !r.agencyId.equals(agencyId)) {
            throw ProblemException.notFound("request " + requestId);
        }
        return r;
    }

    public List<FootageRequest> moderationQueue() {
        // Emergencies jump the queue (docs/rules.md, footage requests).
        return FootageRequest.list("state = ?1 order by emergency desc, createdAt", RequestState.PENDING_REVIEW);
    }

    @Transactional
    public FootageRequest moderate(UUID requestId, ModerationOutcome outcome, String reason, Caller reviewer) {
        FootageRequest r = FootageRequest.findById(requestId);
        if (r == null) {
            throw ProblemException.notFound("request " + requestId);
        }
        independence.check(r, reviewer);
        boolean publish = outcome == ModerationOutcome.PUBLISH;
        if (publish) {
            // Asked now, not from the cache: a request of an agency suspended a second ago must not go out.
            // Asked before the row lock, so that a slow directory holds no one else up.
            AgencyDirectory.AgencyFacts agency = directory.current(r.agencyId);
            if (!agency.approved()) {
                throw ProblemException.conflict("agency " + r.agencyId + " is " + agency.state()
                        + "; only an approved agency's requests are published");
            }
        }
        r.lockForUpdate();
        Instant now = clock.instant();
        if (!publish) {
            r.transition(RequestState.REJECTED, reason, now);
            log.rejected(r, reviewer.id());
            return r;
        }
        r.transition(RequestState.PUBLISHED, reason, now);
        log.published(r, reviewer.id());
        feed.append(
                RequestPublished.TYPE,
                r.id,
                new RequestPublished(
                        r.id,
                        r.agencyId,
                        r.caseNumber,
                        r.incidentType.name(),
                        r.description,
                        r.windowStart,
                        r.windowEnd,
                        r.centerLatitude,
                        r.centerLongitude,
                        r.radiusMeters,
                        r.emergency,
                        now,
                        now.plus(config.publicationLifetime())),
                now);
        return r;
    }

    public List<FootageRequest> published(int page, int size) {
        return FootageRequest.find(
                        "state in ?1 order by publishedAt desc",
                        List.of(RequestState.PUBLISHED, RequestState.CLOSED, RequestState.EXPIRED))
                .page(page, Math.min(size, config.maxPageSize()))
                .list();
    }

    /** Ends published requests whose lifetime has run out; called by the scheduler. */
    @Transactional
    public int expireDue() {
        Instant now = clock.instant();
        List<FootageRequest> due = FootageRequest.listForUpdate(
                "state = ?1 and publishedAt < ?2", RequestState.PUBLISHED, now.minus(config.publicationLifetime()));
        due.forEach(r -> end(r, RequestState.EXPIRED, "publication lifetime ended"));
        return due.size();
    }

    /** The agencies whose requests are still open, for the check of their standing. */
    @Transactional
    public List<UUID> agenciesWithOpenRequests() {
        return FootageRequest.agenciesWithOpenRequests();
    }

    /**
     * A revoked agency asks no more (docs/rules.md): its pending requests are rejected and its published ones
     * closed, with the revocation's reason. Safe to run again and on several replicas: a request already ended
     * is no longer open and so not touched.
     */
    @Transactional
    public int endRequestsOfRevokedAgency(UUID agencyId, String revocationReason) {
        String reason = "agency revoked: " + (revocationReason == null ? "no reason given" : revocationReason);
        reason = reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH) : reason;
        List<FootageRequest> open =
                FootageRequest.listForUpdate("agencyId = ?1 and state in ?2", agencyId, RequestState.OPEN);
        Instant now = clock.instant();
        for (FootageRequest r : open) {
            if (r.state == RequestState.PENDING_REVIEW) {
                // Never published, so no owner knows it: nothing goes on the feed.
                r.transition(RequestState.REJECTED, reason, now);
                log.rejectedBySweep(r);
            } else {
                end(r, RequestState.CLOSED, reason);
            }
        }
        return open.size();
    }

    private void end(FootageRequest r, RequestState target, String reason) {
        Instant now = clock.instant();
        r.transition(target, reason, now);
        feed.append(RequestEnded.TYPE, r.id, new RequestEnded(r.id, target.name(), now), now);
        log.ended(
                r,
                target == RequestState.EXPIRED ? AuditEventType.REQUEST_EXPIRED : AuditEventType.REQUEST_CLOSED,
                now);
    }
}

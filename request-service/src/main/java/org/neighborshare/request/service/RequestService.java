package org.neighborshare.request.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.neighborshare.request.agency.AgencyDirectory;
import org.neighborshare.request.api.CreateRequest;
import org.neighborshare.request.api.ModerationDecision;
import org.neighborshare.request.config.RequestConfig;
import org.neighborshare.request.domain.FootageRequest;
import org.neighborshare.request.domain.RequestState;
import org.neighborshare.shared.events.RequestEnded;
import org.neighborshare.shared.events.RequestPublished;
import org.neighborshare.shared.geo.GeoCircle;
import org.neighborshare.shared.geo.GeoJsonPolygon;
import org.neighborshare.shared.problem.ProblemException;
import org.neighborshare.shared.security.Caller;

/** Footage request use cases. Every state change and its feed event commit together. */
@ApplicationScoped
public class RequestService {

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

    @Transactional
    public FootageRequest create(UUID agencyId, CreateRequest in, Caller investigator) {
        Instant now = clock.instant();
        rules.checkWindow(in.windowStart(), in.windowEnd(), now);
        GeoCircle area = rules.checkArea(in.area());
        AgencyDirectory.AgencyFacts agency = directory.facts(agencyId);
        if (!agency.approved()) {
            throw ProblemException.forbidden("agency " + agencyId + " is " + agency.state());
        }
        rules.checkCentre(area, GeoJsonPolygon.parse(agency.jurisdiction(), "jurisdiction"));
        rules.checkDailyQuota(FootageRequest.count("agencyId = ?1 and createdAt > ?2", agencyId,
                now.minus(java.time.Duration.ofDays(1))));
        boolean emergency = Boolean.TRUE.equals(in.emergency());
        rules.checkEmergency(emergency, in.emergencyJustification());
        rules.checkCaseNumber(FootageRequest.countForCase(agencyId, in.caseNumber().strip()));

        FootageRequest r = new FootageRequest();
        r.id = UUID.randomUUID();
        r.agencyId = agencyId;
        r.caseNumber = in.caseNumber().strip();
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
        return r;
    }

    public List<FootageRequest> forAgency(UUID agencyId, int page, int size) {
        return FootageRequest.find("agencyId = ?1 order by createdAt desc", agencyId)
                .page(page, Math.min(size, config.maxPageSize())).list();
    }

    /** An agency asking for another agency's request gets the same 404 as for one that does not exist. */
    public FootageRequest ofAgency(UUID agencyId, UUID requestId) {
        FootageRequest r = FootageRequest.findById(requestId);
        if (r == null || !r.agencyId.equals(agencyId)) {
            throw ProblemException.notFound("request " + requestId);
        }
        return r;
    }

    @Transactional
    public FootageRequest close(UUID agencyId, UUID requestId) {
        FootageRequest r = ofAgency(agencyId, requestId);
        end(r, RequestState.CLOSED, "closed by the agency");
        return r;
    }

    public List<FootageRequest> moderationQueue() {
        // Emergencies jump the queue (SPEC "Emergency requests").
        return FootageRequest.list("state = ?1 order by emergency desc, createdAt", RequestState.PENDING_REVIEW);
    }

    @Transactional
    public FootageRequest moderate(UUID requestId, ModerationDecision decision, Caller reviewer) {
        FootageRequest r = FootageRequest.findById(requestId);
        if (r == null) {
            throw ProblemException.notFound("request " + requestId);
        }
        Instant now = clock.instant();
        if (decision.decision() == ModerationDecision.Outcome.REJECT) {
            r.transition(RequestState.REJECTED, decision.reason(), now);
            return r;
        }
        r.transition(RequestState.PUBLISHED, decision.reason(), now);
        feed.append(RequestPublished.TYPE, r.id, new RequestPublished(r.id, r.agencyId, r.caseNumber,
                r.incidentType.name(), r.description, r.windowStart, r.windowEnd, r.centerLatitude,
                r.centerLongitude, r.radiusMeters, r.emergency, now, now.plus(config.publicationLifetime())), now);
        return r;
    }

    public List<FootageRequest> published(int page, int size) {
        return FootageRequest.find("state in ?1 order by publishedAt desc",
                        List.of(RequestState.PUBLISHED, RequestState.CLOSED, RequestState.EXPIRED))
                .page(page, Math.min(size, config.maxPageSize())).list();
    }

    /** Ends published requests whose lifetime has run out; called by the scheduler. */
    @Transactional
    public int expireDue() {
        Instant now = clock.instant();
        List<FootageRequest> due = FootageRequest.list("state = ?1 and publishedAt < ?2",
                RequestState.PUBLISHED, now.minus(config.publicationLifetime()));
        due.forEach(r -> end(r, RequestState.EXPIRED, "publication lifetime ended"));
        return due.size();
    }

    private void end(FootageRequest r, RequestState target, String reason) {
        Instant now = clock.instant();
        r.transition(target, reason, now);
        feed.append(RequestEnded.TYPE, r.id, new RequestEnded(r.id, target.name(), now), now);
    }
}

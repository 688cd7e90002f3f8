package org.neighborshare.consent.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.neighborshare.consent.agency.AgencyDirectory;
import org.neighborshare.consent.agency.AgencyStanding;
import org.neighborshare.consent.domain.PublishedRequest;
import org.neighborshare.shared.events.RequestEnded;
import org.neighborshare.shared.events.RequestPublished;
import org.neighborshare.shared.geo.GeoCircle;
import org.neighborshare.shared.privacy.SmallCounts;
import org.neighborshare.shared.problem.ProblemException;

/** Delivers published requests to the owners whose active cameras lie in the area. */
@ApplicationScoped
public class InboxService {

    @Inject
    Clock clock;

    @Inject
    AgencyDirectory agencies;

    /**
     * One set-based INSERT … SELECT over {@link CameraMatch}: an owner with several cameras in the area gets one
     * item. Returns the number of owners reached.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deliver(RequestPublished e) {
        PublishedRequest r = new PublishedRequest();
        r.requestId = e.requestId();
        r.agencyId = e.agencyId();
        r.caseNumber = e.caseNumber();
        r.incidentType = e.incidentType();
        r.description = e.description();
        r.windowStart = e.windowStart();
        r.windowEnd = e.windowEnd();
        r.latitude = e.latitude();
        r.longitude = e.longitude();
        r.radiusMeters = e.radiusMeters();
        r.emergency = e.emergency();
        r.publishedAt = e.publishedAt();
        r.expiresAt = e.expiresAt();
        r.state = PublishedRequest.OPEN;
        r.countNoiseCameras = SmallCounts.drawNoise();
        r.countNoiseNeighbours = SmallCounts.drawNoise();
        r.countNoiseClips = SmallCounts.drawNoise();
        r.persist();
        Panache.getEntityManager().flush();

        GeoCircle area = new GeoCircle(e.latitude(), e.longitude(), e.radiusMeters());
        return Panache.getEntityManager()
                .createNativeQuery(CameraMatch.deliverySql(area))
                .setParameter(1, e.requestId())
                .setParameter(2, e.emergency())
                .setParameter(3, clock.instant())
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void end(RequestEnded e) {
        PublishedRequest r = PublishedRequest.findById(e.requestId());
        if (r != null) {
            r.state = e.state();
            r.endedAt = e.endedAt();
        }
    }

    /** The owner's inbox, each entry saying whether it can be answered now and if not, why. */
    public List<InboxEntry> inbox(String ownerId) {
        Instant now = Times.now(clock);
        Map<UUID, AgencyStanding> standings = new HashMap<>();
        return entries(ownerId).stream()
                .map(e -> e.because(Answerability.refusal(
                        e.request(), standings.computeIfAbsent(e.request().agencyId, this::standingOrUnknown), now)))
                .toList();
    }

    /** The inbox is still shown when the directory cannot be asked; its entries then say so. */
    private AgencyStanding standingOrUnknown(UUID agencyId) {
        try {
            return agencies.standing(agencyId);
        } catch (ProblemException e) {
            return AgencyStanding.unknown(agencyId);
        }
    }

    private List<InboxEntry> entries(String ownerId) {
        return Panache.getEntityManager()
                .createQuery("""
                select new org.neighborshare.consent.service.InboxEntry(i, r)
                from InboxItem i, PublishedRequest r
                where i.requestId = r.requestId and i.ownerId = :owner
                order by i.urgent desc, i.receivedAt desc""", InboxEntry.class)
                .setParameter("owner", ownerId)
                .getResultList();
    }
}

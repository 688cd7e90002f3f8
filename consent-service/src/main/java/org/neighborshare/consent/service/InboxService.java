package org.neighborshare.consent.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.neighborshare.consent.domain.InboxItem;
import org.neighborshare.consent.domain.PublishedRequest;
import org.neighborshare.shared.events.RequestEnded;
import org.neighborshare.shared.events.RequestPublished;
import org.neighborshare.shared.geo.GeoCircle;

/** Delivers published requests to the owners whose active cameras lie in the area. */
@ApplicationScoped
public class InboxService {

    @Inject
    Clock clock;

    /**
     * One set-based INSERT … SELECT: the bounding box uses the position index, the haversine test makes it
     * exact, opted-out owners and paused cameras are skipped, and an owner with several cameras gets one item.
     * Returns the number of owners reached.
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
        r.persist();
        Panache.getEntityManager().flush();

        GeoCircle area = new GeoCircle(e.latitude(), e.longitude(), e.radiusMeters());
        return Panache.getEntityManager().createNativeQuery("""
                insert into inbox_item (id, owner_id, request_id, cameras, urgent, received_at, response)
                select gen_random_uuid(), c.owner_id, :request, count(*), :urgent, :now, 'NONE'
                from camera c
                left join owner_settings s on s.owner_id = c.owner_id
                where c.status = 'ACTIVE' and coalesce(s.opted_out, false) = false
                  and c.latitude between :latMin and :latMax
                  and c.longitude between :lonMin and :lonMax
                  and 2 * :earth * asin(sqrt(power(sin(radians(c.latitude - :lat) / 2), 2)
                      + cos(radians(:lat)) * cos(radians(c.latitude))
                      * power(sin(radians(c.longitude - :lon) / 2), 2))) <= :radius
                group by c.owner_id
                on conflict (owner_id, request_id) do nothing
                """)
                .setParameter("request", e.requestId())
                .setParameter("urgent", e.emergency())
                .setParameter("now", clock.instant())
                .setParameter("lat", e.latitude())
                .setParameter("lon", e.longitude())
                .setParameter("radius", e.radiusMeters())
                .setParameter("earth", GeoCircle.EARTH_RADIUS_M)
                .setParameter("latMin", e.latitude() - area.latitudeSpanDegrees())
                .setParameter("latMax", e.latitude() + area.latitudeSpanDegrees())
                .setParameter("lonMin", e.longitude() - area.longitudeSpanDegrees())
                .setParameter("lonMax", e.longitude() + area.longitudeSpanDegrees())
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

    public List<InboxEntry> inbox(String ownerId) {
        return Panache.getEntityManager().createQuery("""
                select new org.neighborshare.consent.service.InboxEntry(i, r)
                from InboxItem i, PublishedRequest r
                where i.requestId = r.requestId and i.ownerId = :owner
                order by i.urgent desc, i.receivedAt desc""", InboxEntry.class)
                .setParameter("owner", ownerId)
                .getResultList();
    }
}

package org.neighborshare.request.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.neighborshare.request.domain.RequestEvent;

/** The transactional outbox: events are appended inside the caller's transaction, never on their own. */
@ApplicationScoped
public class RequestFeed {

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String type, UUID requestId, Object payload, Instant at) {
        // Serialise writers so that sequence order equals commit order: a reader that has seen seq N can never
        // later find a smaller seq appear. Publications are rare, so the lock costs nothing noticeable.
        Panache.getEntityManager()
                .createNativeQuery("lock table request_event in exclusive mode")
                .executeUpdate();
        RequestEvent e = new RequestEvent();
        e.eventId = UUID.randomUUID();
        e.type = type;
        e.requestId = requestId;
        try {
            e.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("event payload not serialisable", ex);
        }
        e.createdAt = at;
        e.persist();
        // Delivered to every replica's FeedWakeUps at commit (never for a rollback): long polls answer at once.
        Panache.getEntityManager()
                .createNativeQuery("notify " + FeedWakeUps.CHANNEL)
                .executeUpdate();
    }
}

package org.neighborshare.request.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.neighborshare.request.domain.RequestEvent;
import org.neighborshare.shared.events.FeedPage;

/**
 * Reads one page of the request event feed in a short transaction of its own, so a long poll holds no database
 * connection while it waits. Also called off a request's thread, when a long poll wakes up.
 */
@ApplicationScoped
public class FeedPages {

    @Inject
    ObjectMapper json;

    @ActivateRequestContext
    @Transactional
    public FeedPage after(long after, int limit) {
        List<RequestEvent> events = RequestEvent.after(after, limit);
        long last = events.isEmpty() ? after : events.get(events.size() - 1).seq;
        List<FeedPage.Event> out = new ArrayList<>(events.size());
        try {
            for (RequestEvent e : events) {
                out.add(new FeedPage.Event(
                        e.seq, e.eventId, e.type, e.requestId, json.readTree(e.payload), e.createdAt));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored feed event is not JSON", e);
        }
        return new FeedPage(out, last);
    }
}

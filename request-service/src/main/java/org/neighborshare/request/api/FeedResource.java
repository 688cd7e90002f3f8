package org.neighborshare.request.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.neighborshare.request.domain.RequestEvent;
import org.neighborshare.shared.events.FeedPage;

/**
 * The ordered, replayable request event feed. Consumers keep their own cursor and may re-read from any point;
 * events are never removed, so a consumer that was down simply catches up.
 */
@Path("/api/feed/request-events")
@RolesAllowed("feed-reader")
public class FeedResource {

    @Inject
    ObjectMapper json;

    @GET
    public FeedPage read(
            @QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit)
            throws JsonProcessingException {
        List<RequestEvent> events = RequestEvent.after(after, limit);
        long last = events.isEmpty() ? after : events.get(events.size() - 1).seq;
        List<FeedPage.Event> out = new java.util.ArrayList<>(events.size());
        for (RequestEvent e : events) {
            out.add(new FeedPage.Event(e.seq, e.eventId, e.type, e.requestId, json.readTree(e.payload), e.createdAt));
        }
        return new FeedPage(out, last);
    }
}

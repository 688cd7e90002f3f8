package org.neighborshare.request.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.neighborshare.request.domain.RequestEvent;

/** A page of the request event feed; a consumer asks again with {@code after = lastSeq}. */
public record FeedPage(List<Event> events, long lastSeq) {

    public record Event(long seq, UUID eventId, String type, UUID requestId, @JsonRawValue String payload,
                        Instant createdAt) {

        static Event of(RequestEvent e) {
            return new Event(e.seq, e.eventId, e.type, e.requestId, e.payload, e.createdAt);
        }
    }

    public static FeedPage of(List<RequestEvent> events, long after) {
        long last = events.isEmpty() ? after : events.get(events.size() - 1).seq;
        return new FeedPage(events.stream().map(Event::of).toList(), last);
    }
}

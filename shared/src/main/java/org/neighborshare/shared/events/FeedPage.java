package org.neighborshare.shared.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A page of request-service's event feed, as produced and as consumed. A consumer asks again with
 * {@code after = lastSeq}; events are applied once by {@code eventId}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedPage(List<Event> events, long lastSeq) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Event(long seq, UUID eventId, String type, UUID requestId, JsonNode payload, Instant createdAt) {}
}

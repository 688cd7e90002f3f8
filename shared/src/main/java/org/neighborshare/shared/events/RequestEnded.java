package org.neighborshare.shared.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** Payload of a REQUEST_ENDED event: the request was closed or expired; owners can no longer share for it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestEnded(UUID requestId, String state, Instant endedAt) {

    public static final String TYPE = "REQUEST_ENDED";
}

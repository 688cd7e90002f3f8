package org.neighborshare.request.api;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import org.neighborshare.request.service.FeedLongPoll;
import org.neighborshare.shared.events.FeedPage;

/**
 * The ordered, replayable request event feed. Consumers keep their own cursor and may re-read from any point;
 * events are never removed, so a consumer that was down simply catches up. With {@code waitMs} a read that finds
 * nothing after {@code after} waits up to that long for the next event (a long poll), so a consumer hears of an
 * event as it commits instead of at its next poll.
 */
@Path("/api/feed/request-events")
@RolesAllowed("feed-reader")
public class FeedResource {

    /** Longest long poll; the gateway's request-feed route times out later than this (gateway application.yaml). */
    public static final int MAX_WAIT_MS = 25_000;

    @Inject
    FeedLongPoll feed;

    @GET
    @Blocking
    public Uni<FeedPage> read(
            @QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit,
            @QueryParam("waitMs") @DefaultValue("0") @Min(0) @Max(MAX_WAIT_MS) int waitMs) {
        return feed.read(after, limit, Duration.ofMillis(waitMs));
    }
}

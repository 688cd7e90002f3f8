package org.neighborshare.request.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.neighborshare.request.domain.RequestEvent;

/**
 * The ordered, replayable request event feed. Consumers keep their own cursor and may re-read from any point;
 * events are never removed, so a consumer that was down simply catches up.
 */
@Path("/api/feed/request-events")
@RolesAllowed("feed-reader")
public class FeedResource {

    @GET
    public FeedPage read(@QueryParam("after") @DefaultValue("0") @Min(0) long after,
                         @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return FeedPage.of(RequestEvent.after(after, limit), after);
    }
}

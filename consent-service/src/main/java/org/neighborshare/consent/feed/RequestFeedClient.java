package org.neighborshare.consent.feed;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.neighborshare.shared.events.FeedPage;

/**
 * request-service's event feed, reached through the gateway with consent-service's client-credentials token. A
 * client of its own ({@code quarkus.rest-client.request-feed.*}): a long poll may take {@code waitMs} to answer.
 */
@RegisterRestClient(configKey = "request-feed")
@OidcClientFilter
@Path("/api/feed/request-events")
public interface RequestFeedClient {

    /** The events after {@code after}; when there are none, waits up to {@code waitMs} for the next one. */
    @GET
    FeedPage read(@QueryParam("after") long after, @QueryParam("limit") int limit, @QueryParam("waitMs") long waitMs);
}

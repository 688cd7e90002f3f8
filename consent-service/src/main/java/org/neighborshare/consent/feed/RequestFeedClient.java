package org.neighborshare.consent.feed;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.neighborshare.shared.events.FeedPage;

/** request-service's event feed, reached through the gateway with consent-service's client-credentials token. */
@RegisterRestClient(configKey = "gateway")
@OidcClientFilter
@Path("/api/feed/request-events")
public interface RequestFeedClient {

    @GET
    FeedPage read(@QueryParam("after") long after, @QueryParam("limit") int limit);
}

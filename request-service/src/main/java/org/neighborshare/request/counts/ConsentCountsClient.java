package org.neighborshare.request.counts;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** consent-service's counts, reached through the gateway with request-service's client-credentials token. */
@RegisterRestClient(configKey = "counts")
@OidcClientFilter
@Path("/api/directory/requests")
public interface ConsentCountsClient {

    @GET
    @Path("/counts")
    List<RequestCounts> counts(@QueryParam("id") List<UUID> requestIds);

    /** How owners answered in a period, for the transparency report; each null below 5 owners. */
    @GET
    @Path("/answers")
    Answers answers(@QueryParam("from") String from, @QueryParam("to") String to);

    record Answers(Long asked, Long shared, Long declined) {}
}

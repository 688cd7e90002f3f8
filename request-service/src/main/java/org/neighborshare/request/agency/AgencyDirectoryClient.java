package org.neighborshare.request.agency;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** agency-service's directory, reached through the gateway with request-service's client-credentials token. */
@RegisterRestClient(configKey = "gateway")
@OidcClientFilter
@Path("/api/directory/agencies")
public interface AgencyDirectoryClient {

    @GET
    @Path("/{agencyId}")
    AgencyDirectory.AgencyFacts agency(@PathParam("agencyId") UUID agencyId);
}

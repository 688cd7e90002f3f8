package org.neighborshare.consent.agency;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * agency-service's directory, reached through the gateway with consent-service's client-credentials token (realm
 * role {@code agency-directory}), as request-service reads it.
 */
@RegisterRestClient(configKey = "gateway")
@OidcClientFilter
@Path("/api/directory/agencies")
public interface AgencyStatusClient {

    @GET
    @Path("/{agencyId}/status")
    AgencyStanding status(@PathParam("agencyId") UUID agencyId);
}

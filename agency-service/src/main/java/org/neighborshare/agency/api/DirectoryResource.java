package org.neighborshare.agency.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.neighborshare.agency.service.AgencyService;

/** Agency details for other services (request-service checks jurisdictions), called through the gateway. */
@Path("/api/directory/agencies")
@RolesAllowed("agency-directory")
public class DirectoryResource {

    @Inject
    AgencyService agencies;

    @GET
    @Path("/{agencyId}")
    public AgencyView agency(@PathParam("agencyId") UUID agencyId) {
        return AgencyView.of(agencies.find(agencyId));
    }
}

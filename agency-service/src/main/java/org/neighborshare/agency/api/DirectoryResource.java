package org.neighborshare.agency.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.neighborshare.agency.service.AgencyService;

/**
 * Agency details for the platform itself: request-service reads jurisdictions, the gateway reads states.
 * Never public: only callers with the agency-directory role.
 */
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

    @GET
    @Path("/{agencyId}/status")
    public AgencyStatusView status(@PathParam("agencyId") UUID agencyId) {
        var a = agencies.find(agencyId);
        return new AgencyStatusView(a.id, a.state, a.stateReason);
    }
}

package org.neighborshare.agency.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.neighborshare.agency.service.AgencyService;
import org.neighborshare.shared.security.Caller;

/** Reviewers suspend, reinstate and revoke approved agencies; the reason is public. */
@Path("/api/agencies/{agencyId}")
@RolesAllowed("reviewer")
public class AgencyStateResource {

    @Inject
    AgencyService agencies;

    @Inject
    Caller caller;

    @POST
    @Path("/suspend")
    public AgencyView suspend(@PathParam("agencyId") UUID agencyId, @NotNull @Valid ReasonRequest body) {
        return AgencyView.of(agencies.suspend(agencyId, body.reason(), caller));
    }

    @POST
    @Path("/reinstate")
    public AgencyView reinstate(@PathParam("agencyId") UUID agencyId, @NotNull @Valid ReasonRequest body) {
        return AgencyView.of(agencies.reinstate(agencyId, body.reason(), caller));
    }

    @POST
    @Path("/revoke")
    public AgencyView revoke(@PathParam("agencyId") UUID agencyId, @NotNull @Valid ReasonRequest body) {
        return AgencyView.of(agencies.revoke(agencyId, body.reason(), caller));
    }
}

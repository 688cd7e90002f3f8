package org.neighborshare.agency.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.neighborshare.agency.service.AgencyService;
import org.neighborshare.shared.security.Caller;

/** Reviewers vet applications. */
@Path("/api/vetting")
@RolesAllowed("reviewer")
public class VettingResource {

    @Inject
    AgencyService agencies;
    @Inject
    Caller caller;

    @GET
    @Path("/queue")
    public List<AgencyView> queue() {
        return agencies.queue().stream().map(AgencyView::of).toList();
    }

    @POST
    @Path("/{agencyId}/decision")
    public AgencyView decide(@PathParam("agencyId") UUID agencyId, @NotNull @Valid DecisionRequest decision) {
        return AgencyView.of(agencies.decide(agencyId, decision, caller));
    }
}

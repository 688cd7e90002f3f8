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
import java.util.Locale;
import java.util.UUID;
import org.neighborshare.agency.domain.VettingItem;
import org.neighborshare.agency.service.AgencyService;
import org.neighborshare.shared.problem.ProblemException;
import org.neighborshare.shared.security.Caller;

/** Reviewers vet applications: tick checklist items, then approve (four eyes) or reject, always with a reason. */
@Path("/api/vetting")
@RolesAllowed("reviewer")
public class VettingResource {

    @Inject
    AgencyService agencies;

    @Inject
    Caller caller;

    @GET
    @Path("/queue")
    public List<VettingView> queue() {
        return agencies.queue().stream().map(VettingView::of).toList();
    }

    @GET
    @Path("/{agencyId}")
    public VettingView get(@PathParam("agencyId") UUID agencyId) {
        return VettingView.of(agencies.find(agencyId));
    }

    @POST
    @Path("/{agencyId}/checks/{item}")
    public VettingView check(
            @PathParam("agencyId") UUID agencyId, @PathParam("item") String item, @Valid CheckRequest body) {
        VettingItem parsed;
        try {
            parsed = VettingItem.valueOf(item.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("item", "unknown checklist item " + item);
        }
        return VettingView.of(agencies.check(agencyId, parsed, body == null ? null : body.note(), caller));
    }

    @POST
    @Path("/{agencyId}/decision")
    public AgencyView decide(@PathParam("agencyId") UUID agencyId, @NotNull @Valid DecisionRequest decision) {
        return AgencyView.of(agencies.decide(agencyId, decision.decision(), decision.reason(), caller));
    }

    @POST
    @Path("/{agencyId}/revet")
    public AgencyView revet(@PathParam("agencyId") UUID agencyId, @NotNull @Valid ReasonRequest body) {
        return AgencyView.of(agencies.revet(agencyId, body.reason(), caller));
    }
}

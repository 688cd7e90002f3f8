package org.neighborshare.request.api;

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
import org.neighborshare.request.service.RequestService;
import org.neighborshare.shared.security.Caller;

/** Reviewers publish or reject requests before any owner sees them. */
@Path("/api/moderation/requests")
@RolesAllowed("reviewer")
public class ModerationResource {

    @Inject
    RequestService requests;

    @Inject
    Caller caller;

    @GET
    public List<RequestView> queue() {
        return requests.moderationQueue().stream().map(RequestView::of).toList();
    }

    @POST
    @Path("/{requestId}/decision")
    public RequestView decide(@PathParam("requestId") UUID requestId, @NotNull @Valid ModerationDecision decision) {
        return RequestView.of(requests.moderate(requestId, decision.decision(), decision.reason(), caller));
    }
}

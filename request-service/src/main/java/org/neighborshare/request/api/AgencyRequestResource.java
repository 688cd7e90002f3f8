package org.neighborshare.request.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.neighborshare.request.domain.FootageRequest;
import org.neighborshare.request.service.RequestService;
import org.neighborshare.shared.input.PageNumber;
import org.neighborshare.shared.input.PageSize;
import org.neighborshare.shared.security.AgencyRole;
import org.neighborshare.shared.security.Caller;

/** An agency's own requests; only its investigators (re-checked here, not just at the gateway). */
@Path("/api/agencies/{agencyId}/requests")
@PermitAll
public class AgencyRequestResource {

    @Inject
    RequestService requests;

    @Inject
    Caller caller;

    @POST
    public Response create(@PathParam("agencyId") UUID agencyId, @NotNull @Valid CreateRequest body) {
        caller.requireAgencyRole(agencyId, AgencyRole.INVESTIGATOR);
        FootageRequest r = requests.create(agencyId, body.toNewRequest(), caller);
        return Response.created(URI.create("/api/agencies/" + agencyId + "/requests/" + r.id))
                .entity(RequestView.of(r))
                .build();
    }

    @GET
    public List<RequestView> list(
            @PathParam("agencyId") UUID agencyId,
            @QueryParam("page") @DefaultValue("0") @PageNumber int page,
            @QueryParam("size") @DefaultValue("20") @PageSize int size) {
        caller.requireAgencyRole(agencyId, AgencyRole.INVESTIGATOR);
        return requests.forAgency(agencyId, page, size).stream()
                .map(RequestView::of)
                .toList();
    }

    @GET
    @Path("/{requestId}")
    public RequestView get(@PathParam("agencyId") UUID agencyId, @PathParam("requestId") UUID requestId) {
        caller.requireAgencyRole(agencyId, AgencyRole.INVESTIGATOR);
        return RequestView.of(requests.ofAgency(agencyId, requestId));
    }

    @POST
    @Path("/{requestId}/close")
    public RequestView close(@PathParam("agencyId") UUID agencyId, @PathParam("requestId") UUID requestId) {
        caller.requireAgencyRole(agencyId, AgencyRole.INVESTIGATOR);
        return RequestView.of(requests.close(agencyId, requestId));
    }
}

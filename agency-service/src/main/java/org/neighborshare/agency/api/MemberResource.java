package org.neighborshare.agency.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.neighborshare.agency.roles.AgencyRoles;
import org.neighborshare.agency.service.MemberService;
import org.neighborshare.shared.input.PageNumber;
import org.neighborshare.shared.input.PageSize;
import org.neighborshare.shared.security.Caller;

/** Members of one agency; only its agency-admins (checked per agency in MemberService). */
@Path("/api/agencies/{agencyId}/members")
@PermitAll
public class MemberResource {

    @Inject
    MemberService members;

    @Inject
    Caller caller;

    @GET
    public List<AgencyRoles.Member> list(@PathParam("agencyId") UUID agencyId) {
        return members.list(agencyId, caller);
    }

    /**
     * The agency's member.added / member.removed entries in the public log with the salt of each commitment:
     * SHA-256(salt || userId) equals the entry's {@code member}, which only the agency (and the platform) can check.
     */
    @GET
    @Path("/commitments")
    public List<MemberCommitmentView> commitments(
            @PathParam("agencyId") UUID agencyId,
            @QueryParam("page") @DefaultValue("0") @PageNumber int page,
            @QueryParam("size") @DefaultValue("100") @PageSize int size) {
        return members.commitments(agencyId, caller, page, size).stream()
                .map(MemberCommitmentView::of)
                .toList();
    }

    @POST
    public Response add(@PathParam("agencyId") UUID agencyId, @NotNull @Valid MemberRequest body) {
        return Response.status(201)
                .entity(members.add(agencyId, body.email(), body.role(), caller))
                .build();
    }

    @DELETE
    @Path("/{userId}")
    public Response remove(@PathParam("agencyId") UUID agencyId, @PathParam("userId") String userId) {
        members.remove(agencyId, userId, caller);
        return Response.noContent().build();
    }
}

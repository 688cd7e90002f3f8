package org.neighborshare.agency.api;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.neighborshare.agency.domain.Agency;
import org.neighborshare.agency.service.AgencyService;
import org.neighborshare.shared.security.Caller;

/** Enrolment: any signed-in user may apply on behalf of a police or fire department. */
@Path("/api/agency-applications")
@Authenticated
public class AgencyApplicationResource {

    @Inject
    AgencyService agencies;

    @Inject
    Caller caller;

    @POST
    public Response apply(@NotNull @Valid AgencyApplicationRequest application) {
        Agency a = agencies.apply(application.toApplication(), caller);
        return Response.created(URI.create("/api/agency-applications/" + a.id))
                .entity(AgencyView.of(a))
                .build();
    }

    @GET
    @Path("/mine")
    public List<AgencyView> mine() {
        return agencies.mine(caller).stream().map(AgencyView::of).toList();
    }
}

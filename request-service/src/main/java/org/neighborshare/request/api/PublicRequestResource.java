package org.neighborshare.request.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.neighborshare.request.service.RequestService;

/** The permanent public log of every published request (SPEC I3). */
@Path("/api/public/requests")
@PermitAll
public class PublicRequestResource {

    @Inject
    RequestService requests;

    @GET
    public List<PublicRequestView> published(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                             @QueryParam("size") @DefaultValue("50") @Min(1) @Max(100) int size) {
        return requests.published(page, size).stream().map(PublicRequestView::of).toList();
    }
}

package org.neighborshare.request.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.neighborshare.request.counts.PublicCounts;
import org.neighborshare.request.counts.RequestCounts;
import org.neighborshare.request.domain.FootageRequest;
import org.neighborshare.request.service.RequestService;
import org.neighborshare.shared.input.PageNumber;
import org.neighborshare.shared.input.PageSize;

/** The permanent public log of every published request (docs/invariants.md, I3). */
@Path("/api/public/requests")
@PermitAll
public class PublicRequestResource {

    @Inject
    RequestService requests;

    @Inject
    PublicCounts counts;

    @GET
    public List<PublicRequestView> published(
            @QueryParam("page") @DefaultValue("0") @PageNumber int page,
            @QueryParam("size") @DefaultValue("50") @PageSize int size) {
        List<FootageRequest> published = requests.published(page, size);
        Map<UUID, RequestCounts> byId =
                counts.of(published.stream().map(r -> r.id).toList());
        return published.stream()
                .map(r -> PublicRequestView.of(r, byId.get(r.id)))
                .toList();
    }
}

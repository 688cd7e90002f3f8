package org.neighborshare.consent.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.neighborshare.consent.service.CountsService;
import org.neighborshare.consent.service.RequestCounts;

/**
 * Aggregate counts of a request for the public log, read service-to-service (request-service's
 * client-credentials account holds {@code counts-reader}). Counts below 5 are null (invariant I2).
 */
@Path("/api/directory/requests")
@RolesAllowed("counts-reader")
public class DirectoryResource {

    @Inject
    CountsService counts;

    @GET
    @Path("/{requestId}/counts")
    public RequestCounts counts(@PathParam("requestId") UUID requestId) {
        return counts.counts(requestId);
    }
}

package org.neighborshare.consent.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.neighborshare.consent.service.CountsService;
import org.neighborshare.consent.service.RequestCounts;
import org.neighborshare.shared.input.ReportPeriod;

/**
 * Aggregate counts of requests for the public log, read service-to-service (request-service's
 * client-credentials account holds {@code counts-reader}). Counts below 5 are null (invariant I2).
 */
@Path("/api/directory/requests")
@RolesAllowed("counts-reader")
public class DirectoryResource {

    /** One public-log page's worth: the gateway caps pages at 100. */
    static final int MAX_IDS = 100;

    @Inject
    CountsService counts;

    @GET
    @Path("/{requestId}/counts")
    public RequestCounts counts(@PathParam("requestId") UUID requestId) {
        return counts.counts(requestId);
    }

    /** Counts of several requests in one call; ids consent-service has never seen are left out. */
    @GET
    @Path("/counts")
    public List<RequestCountsView> counts(@QueryParam("id") @NotEmpty @Size(max = MAX_IDS) List<UUID> requestIds) {
        return counts.counts(requestIds).entrySet().stream()
                .map(e -> RequestCountsView.of(e.getKey(), e.getValue()))
                .toList();
    }

    /**
     * How owners answered in a period ({@code from}/{@code to} as in the transparency report, widened to whole UTC
     * days), for the transparency report's share and decline rates.
     */
    @GET
    @Path("/answers")
    public CountsService.AnswerCounts answers(@QueryParam("from") String from, @QueryParam("to") String to) {
        return counts.answers(ReportPeriod.parse(from, to).wholeDays());
    }

    public record RequestCountsView(UUID requestId, Long camerasReached, Long neighboursShared, Long clips) {

        static RequestCountsView of(UUID id, RequestCounts c) {
            return new RequestCountsView(id, c.camerasReached(), c.neighboursShared(), c.clips());
        }
    }
}

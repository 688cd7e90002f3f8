package org.neighborshare.agency.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.neighborshare.agency.domain.Agency;
import org.neighborshare.agency.domain.AgencyDecision;
import org.neighborshare.agency.service.AgencyService;

/**
 * The public directory (docs/invariants.md, I3): every agency ever approved, and rejected applications, each
 * with its current state and reason and its whole history (every suspension, reinstatement, revocation, expiry
 * and re-vetting with its date and reason). Reached through the gateway, which still attaches its anonymous token.
 */
@Path("/api/public/agencies")
@PermitAll
public class PublicAgencyResource {

    @Inject
    AgencyService agencies;

    @GET
    public List<AgencyView> directory() {
        List<Agency> shown = Agency.directory();
        Map<UUID, List<HistoryEntryView>> histories =
                AgencyDecision.historiesOf(shown.stream().map(a -> a.id).toList()).stream()
                        .collect(Collectors.groupingBy(
                                d -> d.agencyId, Collectors.mapping(HistoryEntryView::of, Collectors.toList())));
        return shown.stream()
                .map(a -> AgencyView.withHistory(a, histories.getOrDefault(a.id, List.of())))
                .toList();
    }

    /** One agency's history, oldest first; 404 for an agency the directory does not show. */
    @GET
    @Path("/{agencyId}/history")
    public List<HistoryEntryView> history(@PathParam("agencyId") UUID agencyId) {
        return agencies.history(agencyId).stream().map(HistoryEntryView::of).toList();
    }
}

package org.neighborshare.agency.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.neighborshare.agency.domain.Agency;
import org.neighborshare.agency.domain.AgencyState;

/**
 * The public directory (SPEC I3): every agency ever approved, and rejected applications with their reason.
 * Reached through the gateway, which still attaches its anonymous token.
 */
@Path("/api/public/agencies")
@PermitAll
public class PublicAgencyResource {

    @GET
    public List<AgencyView> directory() {
        List<Agency> shown = Agency.list("state not in ?1 order by officialName",
                List.of(AgencyState.APPLIED, AgencyState.IN_REVIEW));
        return shown.stream().map(AgencyView::of).toList();
    }
}

package org.neighborshare.consent.agency;

import io.quarkus.arc.DefaultBean;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.neighborshare.shared.problem.ProblemException;

/**
 * Reads agency states through the gateway; cached for a few seconds (quarkus.cache.caffeine."agency-states"), so a
 * suspension stops sharing within that time and a busy inbox costs one call per agency. Failures are not cached.
 */
@ApplicationScoped
@DefaultBean
public class GatewayAgencyDirectory implements AgencyDirectory {

    @Inject
    @RestClient
    AgencyStatusClient client;

    @Override
    @CacheResult(cacheName = "agency-states")
    public AgencyStanding standing(UUID agencyId) {
        try {
            return client.status(agencyId);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return new AgencyStanding(agencyId, AgencyStanding.UNKNOWN_AGENCY, null);
            }
            throw unavailable();
        } catch (ProcessingException e) {
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return ProblemException.unavailable("the agency directory could not be reached");
    }
}

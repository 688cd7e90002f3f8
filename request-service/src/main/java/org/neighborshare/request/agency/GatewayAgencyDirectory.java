package org.neighborshare.request.agency;

import io.quarkus.arc.DefaultBean;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.neighborshare.shared.problem.ProblemException;

/** Reads agency facts through the gateway; {@link #facts} is cached for a few seconds so a burst of requests costs one call. */
@ApplicationScoped
@DefaultBean
public class GatewayAgencyDirectory implements AgencyDirectory {

    @Inject
    @RestClient
    AgencyDirectoryClient client;

    @Override
    @CacheResult(cacheName = "agency-facts")
    public AgencyFacts facts(UUID agencyId) {
        return current(agencyId);
    }

    @Override
    public AgencyFacts current(UUID agencyId) {
        try {
            return client.agency(agencyId);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw ProblemException.notFound("agency " + agencyId);
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

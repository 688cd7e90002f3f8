package org.neighborshare.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.UUID;
import org.neighborshare.request.agency.AgencyDirectory;

/**
 * Unit-test stand-in for agency-service: every agency is approved with a jurisdiction around Riverton, except
 * {@link #SUSPENDED}. The end-to-end tests use the real directory through the gateway.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestAgencies implements AgencyDirectory {

    public static final UUID SUSPENDED = UUID.fromString("00000000-0000-4000-8000-00000000dead");
    static final String RIVERTON = "{\"type\":\"Polygon\",\"coordinates\":[[[-122.70,45.50],[-122.64,45.50],"
            + "[-122.64,45.54],[-122.70,45.54],[-122.70,45.50]]]}";

    @Override
    public AgencyFacts facts(UUID agencyId) {
        try {
            return new AgencyFacts(agencyId, SUSPENDED.equals(agencyId) ? "SUSPENDED" : "APPROVED",
                    new ObjectMapper().readTree(RIVERTON));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

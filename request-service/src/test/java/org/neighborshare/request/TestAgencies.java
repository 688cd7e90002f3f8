package org.neighborshare.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.neighborshare.request.agency.AgencyDirectory;

/**
 * Unit-test stand-in for agency-service: every agency is approved with a jurisdiction around Riverton, except
 * {@link #SUSPENDED} and those a test moves to another state. {@link #facts} plays the cached answer: it keeps
 * saying APPROVED after a test changed the state, so a test can tell which of the two a use case asked. The
 * end-to-end tests use the real directory through the gateway.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestAgencies implements AgencyDirectory {

    public static final UUID SUSPENDED = UUID.fromString("00000000-0000-4000-8000-00000000dead");
    static final String RIVERTON = "{\"type\":\"Polygon\",\"coordinates\":[[[-122.70,45.50],[-122.64,45.50],"
            + "[-122.64,45.54],[-122.70,45.54],[-122.70,45.50]]]}";

    private final Map<UUID, String[]> changed = new ConcurrentHashMap<>();

    /** From now on the directory holds {@code state} with {@code reason} for the agency. */
    public void change(UUID agencyId, String state, String reason) {
        changed.put(agencyId, new String[] {state, reason});
    }

    @Override
    public AgencyFacts facts(UUID agencyId) {
        return new AgencyFacts(agencyId, SUSPENDED.equals(agencyId) ? "SUSPENDED" : "APPROVED", null, riverton());
    }

    @Override
    public AgencyFacts current(UUID agencyId) {
        String[] now = changed.get(agencyId);
        return now == null ? facts(agencyId) : new AgencyFacts(agencyId, now[0], now[1], riverton());
    }

    private static JsonNode riverton() {
        try {
            return new ObjectMapper().readTree(RIVERTON);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

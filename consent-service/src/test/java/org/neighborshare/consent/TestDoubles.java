package org.neighborshare.consent;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.neighborshare.consent.agency.AgencyDirectory;
import org.neighborshare.consent.agency.AgencyStanding;
import org.neighborshare.shared.agency.AgencyStatus;
import org.neighborshare.shared.problem.ProblemException;
import org.neighborshare.testsupport.MutableClock;

/**
 * Unit-test stand-ins: a movable clock, so retention can be tested without waiting a month; and an agency
 * directory in which every agency is APPROVED unless a test sets its state (or "UNREACHABLE").
 */
public class TestDoubles {

    public static final MutableClock CLOCK = new MutableClock();
    public static final Map<UUID, String> AGENCY_STATES = new ConcurrentHashMap<>();
    public static final String UNREACHABLE = "UNREACHABLE";

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    AgencyDirectory agencies() {
        return id -> {
            String state = AGENCY_STATES.getOrDefault(id, AgencyStatus.APPROVED.name());
            if (UNREACHABLE.equals(state)) {
                throw ProblemException.unavailable("the agency directory could not be reached");
            }
            return new AgencyStanding(id, state, null);
        };
    }

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    Clock clock() {
        return CLOCK;
    }
}

package org.neighborshare.consent;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.neighborshare.testsupport.MutableClock;

/** Unit-test stand-ins: a movable clock, so retention can be tested without waiting a month. */
public class TestDoubles {

    public static final MutableClock CLOCK = new MutableClock();

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    Clock clock() {
        return CLOCK;
    }
}

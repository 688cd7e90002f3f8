package org.neighborshare.shared.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * Every rule about time (expiry, windows, quotas, retention) reads this clock, so tests can move time: unit
 * tests replace it, the end-to-end suite moves it forward through {@link TestClockRoutes} (off everywhere else,
 * where the offset stays zero).
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock(ClockOffset offset) {
        return new ClockOffset.OffsetClock(Clock.systemUTC(), offset);
    }
}

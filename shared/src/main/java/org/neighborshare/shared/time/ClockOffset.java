package org.neighborshare.shared.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far the service's clock runs ahead of the system clock: always zero, except in the end-to-end suite, which
 * moves it forward through {@link TestClockRoutes} to let retention or expiry pass. Never backward, so no rule
 * ever sees time run back.
 */
@ApplicationScoped
public class ClockOffset {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public Duration get() {
        return offset.get();
    }

    /** Moves the clock forward by {@code by} (positive) and returns the new offset. */
    Duration advance(Duration by) {
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        return offset.updateAndGet(o -> o.plus(by));
    }

    /** The system clock plus the current offset, read at every call. */
    static final class OffsetClock extends Clock {

        private final Clock base;
        private final ClockOffset offset;

        OffsetClock(Clock base, ClockOffset offset) {
            this.base = base;
            this.offset = offset;
        }

        @Override
        public Instant instant() {
            return base.instant().plus(offset.get());
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new OffsetClock(base.withZone(zone), offset);
        }
    }
}

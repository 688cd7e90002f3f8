package org.neighborshare.shared.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClockOffsetTest {

    @Test
    void theServicesClockRunsAheadByTheOffsetAndOnlyEverForward() {
        Instant t = Instant.parse("2026-12-02T00:00:00Z");
        ClockOffset offset = new ClockOffset();
        Clock clock = new ClockOffset.OffsetClock(Clock.fixed(t, ZoneOffset.UTC), offset);
        assertEquals(t, clock.instant(), "no offset unless moved");
        offset.advance(Duration.ofDays(31));
        assertEquals(t.plus(Duration.ofDays(31)), clock.instant());
        assertThrows(IllegalArgumentException.class, () -> offset.advance(Duration.ofHours(-1)));
        assertThrows(IllegalArgumentException.class, () -> offset.advance(Duration.ZERO));
        assertEquals(
                t.plus(Duration.ofDays(31)),
                clock.withZone(ZoneOffset.ofHours(2)).instant());
    }
}

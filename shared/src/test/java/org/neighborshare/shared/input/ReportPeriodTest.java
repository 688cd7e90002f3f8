package org.neighborshare.shared.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    @Test
    void datesNameWholeDaysAndInstantsAreExact() {
        ReportPeriod days = ReportPeriod.parse("2026-03-01", "2026-03-02");
        assertEquals(Optional.of(Instant.parse("2026-03-01T00:00:00Z")), days.from());
        assertEquals(Optional.of(Instant.parse("2026-03-03T00:00:00Z")), days.to());
        ReportPeriod exact = ReportPeriod.parse("2026-03-01T10:00:00Z", "2026-03-01T11:00:00Z");
        assertTrue(exact.contains(Instant.parse("2026-03-01T10:00:00Z")));
        assertFalse(exact.contains(Instant.parse("2026-03-01T11:00:00Z")));
        assertTrue(ReportPeriod.parse(null, null).contains(Instant.EPOCH));
    }

    @Test
    void ownerFiguresAreWidenedToWholeDays() {
        ReportPeriod p = ReportPeriod.parse("2026-03-01T10:00:00Z", "2026-03-02T00:00:01Z")
                .wholeDays();
        assertEquals(Optional.of(Instant.parse("2026-03-01T00:00:00Z")), p.from());
        assertEquals(Optional.of(Instant.parse("2026-03-03T00:00:00Z")), p.to());
        ReportPeriod midnight = ReportPeriod.parse(null, "2026-03-02T00:00:00Z").wholeDays();
        assertEquals(Optional.of(Instant.parse("2026-03-02T00:00:00Z")), midnight.to());
    }

    @Test
    void malformedOrBackwardsPeriodsNameTheirField() {
        assertEquals("from", field(() -> ReportPeriod.parse("yesterday", null)));
        assertEquals("from", field(() -> ReportPeriod.parse("1999-12-31", null)));
        assertEquals("to", field(() -> ReportPeriod.parse(null, "2026-02-30")));
        assertEquals("to", field(() -> ReportPeriod.parse(null, "x".repeat(100))));
        assertEquals("to", field(() -> ReportPeriod.parse("2026-03-02", "2026-03-01")));
        assertEquals("to", field(() -> ReportPeriod.parse("2026-03-01T00:00:00Z", "2026-03-01T00:00:00Z")));
    }

    private static String field(Runnable parse) {
        return assertThrows(BadParameterException.class, parse::run).parameter();
    }
}

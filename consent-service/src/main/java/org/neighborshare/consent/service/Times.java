package org.neighborshare.consent.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** PostgreSQL keeps microseconds: instants are cut there, so a value reads back exactly as it was first shown. */
final class Times {

    private Times() {}

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

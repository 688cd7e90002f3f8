package org.neighborshare.shared.time;

import java.time.Instant;
import org.neighborshare.shared.problem.ProblemException;

/**
 * The instants a client may send: from 1970 to the end of year 9999. Anything outside is no real time for this
 * platform and partly beyond what PostgreSQL's {@code timestamptz} holds (year -5000 failed as a 500); one rule
 * for JSON bodies and parameters alike (docs/rules.md).
 */
public final class StoredInstants {

    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    public static final String RULE = "must be between " + EARLIEST + " and 9999-12-31T23:59:59Z";

    private StoredInstants() {}

    public static boolean holds(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /** {@code instant}, or a 400 problem naming {@code field}. */
    public static Instant require(String field, Instant instant) {
        if (!holds(instant)) {
            throw ProblemException.malformedField(field, RULE);
        }
        return instant;
    }
}

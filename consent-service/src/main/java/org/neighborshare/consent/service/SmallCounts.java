package org.neighborshare.consent.service;

/**
 * Invariant I2: aggregate counts are published only when they are 5 or more, so a count can never single out
 * a neighbour. The one place that rule lives.
 */
public final class SmallCounts {

    public static final long THRESHOLD = 5;

    private SmallCounts() {
    }

    /** The count when it is at least {@link #THRESHOLD}, else null (suppressed). */
    public static Long suppress(long count) {
        return count >= THRESHOLD ? count : null;
    }
}

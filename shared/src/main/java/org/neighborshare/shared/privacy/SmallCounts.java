package org.neighborshare.shared.privacy;

import java.security.SecureRandom;

/**
 * Invariant I2 (docs/invariants.md): a published count must never single out a neighbour, neither alone nor by
 * differencing two requests an agency controls (e.g. nested circles). The one place that rule lives:
 * <ol>
 *   <li><b>Owners, not cameras, decide suppression.</b> A count is published only when at least
 *       {@link #THRESHOLD} distinct owners stand behind it (owners reached, owners sharing); otherwise null.
 *       Five cameras of one owner are one owner.</li>
 *   <li><b>Rounded down to a base of 5 after adding noise.</b> The published value is
 *       {@code 5 * floor((count + noise) / 5)}, with {@code noise} uniform in 0..4, drawn once per request and
 *       count when the request arrives and persisted with it, so reading the counts again cannot average it out.
 *       Two requests whose areas differ by one owner publish figures that the same true count could equally have
 *       produced (e.g. 5 and 5, or 5 and 10 from 6 and 6), so a difference is not attributable to a neighbour.
 *       The true count is at most 4 above the published value and never below it.</li>
 * </ol>
 * What remains: an agency running many nested pairs learns a little statistically; the per-agency request quota
 * bounds how many it can run.
 */
public final class SmallCounts {

    public static final long THRESHOLD = 5;
    public static final int BASE = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SmallCounts() {}

    /** The published value of {@code count}, or null when fewer than {@link #THRESHOLD} owners stand behind it. */
    public static Long publish(long count, long owners, int noise) {
        if (owners < THRESHOLD || count < THRESHOLD) {
            return null;
        }
        return (count + noise) / BASE * BASE;
    }

    /** A request's noise for one count: uniform in 0..{@code BASE - 1}. */
    public static short drawNoise() {
        return (short) RANDOM.nextInt(BASE);
    }
}

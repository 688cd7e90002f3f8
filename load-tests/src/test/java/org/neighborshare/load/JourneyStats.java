package org.neighborshare.load;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Response times per journey, over all of the journey's requests: Gatling's own report has them per request
 * name and per group (where a group's time is the whole journey's), not per journey's requests.
 */
final class JourneyStats {

    private final Map<String, Histogram> byJourney = new ConcurrentHashMap<>();
    private volatile long startNanos = System.nanoTime();

    void start() {
        startNanos = System.nanoTime();
    }

    void record(String journey, long millis) {
        byJourney
                .computeIfAbsent(journey, j -> new ConcurrentHistogram(3_600_000L, 3))
                .recordValue(Math.max(0, millis));
    }

    String table() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%-14s %9s %8s %8s %8s %8s %8s%n",
                "journey",
                "requests",
                "req/s",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms"));
        new TreeMap<>(byJourney)
                .forEach((journey, h) -> out.append(String.format(
                        Locale.ROOT,
                        "%-14s %9d %8.2f %8d %8d %8d %8d%n",
                        journey,
                        h.getTotalCount(),
                        h.getTotalCount() / seconds,
                        h.getValueAtPercentile(50),
                        h.getValueAtPercentile(95),
                        h.getValueAtPercentile(99),
                        h.getMaxValue())));
        return out.toString();
    }
}

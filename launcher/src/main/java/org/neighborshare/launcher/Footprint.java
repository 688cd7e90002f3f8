package org.neighborshare.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The suite's footprint, figures for measurements: per part its time from process start to ready and its resident
 * memory now, the sum of {@code VmRSS} (from {@code /proc/<pid>/status}) of its process and all descendants
 * (Keycloak's JVM is a child of {@code kc.sh}; PostgreSQL has a process per connection).
 */
final class Footprint {

    private static final double MIB = 1024.0 * 1024.0;
    private static final String ROW = "%-16s %12s %12s%n";

    private Footprint() {}

    /** The resident memory of a process and its descendants in bytes, or -1 if there is no such process. */
    static long residentBytesOfTree(OptionalLong pid) {
        if (pid.isEmpty()) {
            return -1;
        }
        return ProcessHandle.of(pid.getAsLong())
                .map(root -> {
                    long sum = Math.max(0, residentBytes(root.pid()));
                    for (ProcessHandle d : (Iterable<ProcessHandle>) root.descendants()::iterator) {
                        sum += Math.max(0, residentBytes(d.pid()));
                    }
                    return sum;
                })
                .orElse(-1L);
    }

    /** {@code VmRSS} of one process in bytes, or -1 if it cannot be read (gone, not Linux). */
    static long residentBytes(long pid) {
        try {
            return vmRssBytes(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The {@code VmRSS:} line of a {@code /proc/<pid>/status} in bytes (the kernel writes kB), or -1 if absent. */
    static long vmRssBytes(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                long value = Long.parseLong(parts[0]);
                String unit = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "kb";
                return "kb".equals(unit) ? value * 1024 : value;
            }
        }
        return -1;
    }

    /**
     * One row per part that was ready or is running, in start order, then the total memory.
     *
     * @param readyTimes    time to ready per part (canonical names)
     * @param residentBytes memory per part, -1 (or absent) for a part that is not running
     */
    static String table(Map<String, Duration> readyTimes, Map<String, Long> residentBytes) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, ROW, "part", "ready (s)", "RSS (MiB)"));
        long totalRss = 0;
        for (String n : Services.ALL) {
            Duration d = readyTimes.get(n);
            long rss = residentBytes.getOrDefault(n, -1L);
            if (d == null && rss < 0) {
                continue;
            }
            totalRss += Math.max(0, rss);
            sb.append(String.format(
                    Locale.ROOT,
                    ROW,
                    n,
                    d == null ? "-" : String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0),
                    rss < 0 ? "not running" : String.format(Locale.ROOT, "%.0f", rss / MIB)));
        }
        sb.append(String.format(Locale.ROOT, "%-16s %12s %12.0f%n", "total", "", totalRss / MIB));
        return sb.toString();
    }
}

package org.neighborshare.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Each suite process's memory at a moment: for a JVM the live heap (used after a full GC, {@code jcmd GC.run}
 * then {@code jstat -gc}: what is still reachable, so growth means a leak, not garbage awaiting collection) and
 * VmRSS; for PostgreSQL the proportional set size of the postmaster and all its backends (their RSS would count
 * the shared buffers once per backend). The processes are named in the file ./benchmarks/journeys writes.
 */
final class Footprint {

    /** One process's figures in KiB; heap is -1 when it is not a JVM. */
    record Sample(long heapKiB, long rssKiB) {}

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final Map<String, Long> pids;

    private Footprint(Map<String, Long> pids) {
        this.pids = pids;
    }

    static Footprint of(Path pidsFile) {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (pidsFile != null) {
            try {
                for (String line : Files.readAllLines(pidsFile, StandardCharsets.UTF_8)) {
                    String[] parts = WHITESPACE.split(line.trim(), -1);
                    if (parts.length == 2) {
                        pids.put(parts[0], Long.valueOf(parts[1]));
                    }
                }
            } catch (IOException e) {
                System.err.println("no process list: " + e.getMessage());
            }
        }
        return new Footprint(pids);
    }

    Map<String, Sample> sample() {
        Map<String, Sample> out = new LinkedHashMap<>();
        pids.forEach((name, pid) -> out.put(name, sample(name, pid)));
        return out;
    }

    static String table(Map<String, Sample> start, Map<String, Sample> end) {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%-16s %14s %14s %14s %14s%n",
                "process",
                "heap start MiB",
                "heap end MiB",
                "RSS start MiB",
                "RSS end MiB"));
        start.forEach((name, s) -> {
            Sample e = end.getOrDefault(name, new Sample(-1, -1));
            out.append(String.format(
                    Locale.ROOT,
                    "%-16s %14s %14s %14s %14s%n",
                    name,
                    mib(s.heapKiB()),
                    mib(e.heapKiB()),
                    mib(s.rssKiB()),
                    mib(e.rssKiB())));
        });
        return out.toString();
    }

    private static String mib(long kib) {
        return kib < 0 ? "-" : String.format(Locale.ROOT, "%.1f", kib / 1024.0);
    }

    private static Sample sample(String name, long pid) {
        if (name.startsWith("postgres")) {
            long pss = status(pid, "/smaps_rollup", "Pss:");
            for (ProcessHandle child :
                    ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of())) {
                pss += Math.max(0, status(child.pid(), "/smaps_rollup", "Pss:"));
            }
            return new Sample(-1, pss);
        }
        run("jcmd", Long.toString(pid), "GC.run");
        return new Sample(liveHeap(pid), status(pid, "/status", "VmRSS:"));
    }

    /** S0U + S1U + EU + OU of {@code jstat -gc}, in KiB. */
    private static long liveHeap(long pid) {
        String[] lines = run("jstat", "-gc", Long.toString(pid)).trim().lines().toArray(String[]::new);
        if (lines.length < 2) {
            return -1;
        }
        String[] head = WHITESPACE.split(lines[0].trim(), -1);
        String[] values = WHITESPACE.split(lines[lines.length - 1].trim(), -1);
        double used = 0;
        for (int i = 0; i < head.length && i < values.length; i++) {
            if (List.of("S0U", "S1U", "EU", "OU").contains(head[i])) {
                used += Double.parseDouble(values[i]);
            }
        }
        return Math.round(used);
    }

    /** A "Key: value kB" line of /proc/{pid}{file}, in KiB; -1 when absent. */
    private static long status(long pid, String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + file), StandardCharsets.UTF_8)) {
                if (line.startsWith(key)) {
                    return Long.parseLong(
                            WHITESPACE.split(line.substring(key.length()).trim(), -1)[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(command)))
                    .redirectErrorStream(true)
                    .start();
            try (InputStream in = p.getInputStream()) {
                String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor(30, TimeUnit.SECONDS);
                return out;
            }
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}

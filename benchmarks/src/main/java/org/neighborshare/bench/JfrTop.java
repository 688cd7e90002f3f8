package org.neighborshare.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording's CPU samples ({@code jdk.ExecutionSample}) as text short enough to commit: the top
 * frames by self time and, for the code the gateway runs per call, by total time (the share of samples whose
 * stack holds the method). {@code args[0]} the .jfr file, {@code args[1]} how many rows (default 25).
 */
public final class JfrTop {

    /** Only these appear in the "total" list: the gateway's code and the libraries it calls per request. */
    private static final List<String> OURS_AND_FRAMEWORK = List.of(
            "org.neighborshare.",
            "io.quarkus.vertx.http.runtime.security.",
            "io.quarkus.oidc.",
            "io.smallrye.context.",
            "io.micrometer.",
            "org.jboss.logging.",
            "org.jboss.logmanager.",
            "com.github.benmanes.",
            "org.jose4j.",
            "io.vertx.httpproxy.",
            "io.vertx.ext.web.handler.impl.CorsHandlerImpl",
            "java.math.BigInteger",
            "java.security.");

    private JfrTop() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> rsaCallers = new HashMap<>();
        Map<String, Integer> component = new HashMap<>();
        int samples = 0;
        int nativeSamples = 0;
        double gcPauseMillis = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.NativeMethodSample")) {
                nativeSamples++;
            }
            if (type.equals("jdk.GCPhasePause")) {
                gcPauseMillis += e.getDuration().toNanos() / 1e6;
            }
            if (!type.equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
            component.merge(component(frames), 1, Integer::sum);
            if (name(frames.get(0).getMethod()).startsWith("java.math.BigInteger")) {
                frames.stream()
                        .map(f -> name(f.getMethod()))
                        .filter(n -> n.startsWith("org.neighborshare.")
                                || n.startsWith("io.quarkus.")
                                || n.startsWith("org.jose4j.")
                                || n.startsWith("io.smallrye.jwt"))
                        .findFirst()
                        .ifPresent(n -> rsaCallers.merge(n, 1, Integer::sum));
            }
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f.getMethod());
                if (OURS_AND_FRAMEWORK.stream().anyMatch(n::startsWith) && seen.add(n)) {
                    total.merge(n, 1, Integer::sum);
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%,d Java CPU samples (jdk.ExecutionSample), %,d in native code (jdk.NativeMethodSample), GC pauses"
                        + " %.0f ms%n",
                samples,
                nativeSamples,
                gcPauseMillis);
        print("top frames by self time", self, samples, rows);
        print(
                "gateway, security, logging, metrics and proxy methods by total time (on the stack)",
                total,
                samples,
                rows);
        print("first caller of BigInteger (RSA) frames", rsaCallers, samples, 5);
        print(
                "self time by component (the nearest frame of a known library or of the gateway)",
                component,
                samples,
                rows);
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int rows) {
        System.out.println();
        System.out.println(title + ":");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(rows)
                .forEach(en -> System.out.printf(
                        Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * en.getValue() / Math.max(1, samples), en.getKey()));
    }

    /** Components named by package prefix; the JDK's own frames go to the first caller outside the JDK. */
    private static final List<String> COMPONENTS = List.of(
            "org.neighborshare.gateway.",
            "org.neighborshare.shared.",
            "org.jboss.logmanager.",
            "org.jboss.logging.",
            "io.micrometer.",
            "io.quarkus.oidc.",
            "io.quarkus.security.",
            "io.quarkus.vertx.http.runtime.security.",
            "io.quarkus.vertx.http.",
            "io.quarkus.",
            "io.smallrye.mutiny.",
            "io.smallrye.context.",
            "io.smallrye.",
            "io.vertx.httpproxy.",
            "io.vertx.ext.web.",
            "io.vertx.circuitbreaker.",
            "io.vertx.core.http.",
            "io.vertx.core.net.",
            "io.vertx.core.",
            "io.netty.handler.codec.http.",
            "io.netty.",
            "com.github.benmanes.caffeine.",
            "org.jose4j.");

    private static String component(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String n = name(f.getMethod());
            for (String c : COMPONENTS) {
                if (n.startsWith(c)) {
                    return c + "*";
                }
            }
        }
        return "(JDK or other only)";
    }

    private static String name(RecordedMethod m) {
        return m.getType().getName() + "." + m.getName();
    }
}

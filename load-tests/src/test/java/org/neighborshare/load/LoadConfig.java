package org.neighborshare.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What a run is told by ./benchmarks/journeys, through the environment (the Gatling plugin's forked JVM inherits
 * it): where the suite is, the arrival rates, how long, and where the suite's process ids are listed.
 *
 * @param rate users per second arriving at each of the four reading journeys (public, owner, investigator,
 *     reviewer)
 * @param publishRate users per second of the publisher journey (an investigator posts, a reviewer publishes)
 * @param p99LimitMs when set (MODE=max), the run fails unless the p99 of every request is at most this
 * @param pidsFile lines "name pid" of the suite's processes, sampled for heap and RSS; null: no sampling
 */
record LoadConfig(
        String gateway,
        String keycloak,
        double rate,
        double publishRate,
        Duration duration,
        Duration warmUp,
        int owners,
        int clipBytes,
        Integer p99LimitMs,
        Path pidsFile) {

    static LoadConfig fromEnvironment() {
        Map<String, String> env = System.getenv();
        double rate = Double.parseDouble(env.getOrDefault("RATE", "2"));
        Duration duration = seconds(env.getOrDefault("DURATION", "300s"));
        String pids = env.get("PIDS_FILE");
        String p99 = env.get("P99_LIMIT_MS");
        return new LoadConfig(
                env.getOrDefault("GATEWAY_URL", "http://127.0.0.1:18080"),
                // localhost, not 127.0.0.1: the token's issuer must be the one the gateway trusts.
                env.getOrDefault("KEYCLOAK_URL", "http://localhost:18180"),
                rate,
                Double.parseDouble(env.getOrDefault("PUBLISH_RATE", Double.toString(rate / 4))),
                duration,
                seconds(env.getOrDefault("WARMUP", Math.min(60, duration.toSeconds() / 5) + "s")),
                Integer.parseInt(env.getOrDefault("OWNERS", "20")),
                Integer.parseInt(env.getOrDefault("CLIP_BYTES", "4096")),
                p99 == null || p99.isBlank() ? null : Integer.valueOf(p99),
                pids == null || pids.isBlank() ? null : Path.of(pids));
    }

    /** "300s", "5m" or "300". */
    private static Duration seconds(String s) {
        String t = s.trim();
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(t.endsWith("s") ? t.substring(0, t.length() - 1) : t));
    }
}

package org.neighborshare.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neighborshare.launcher.Suite;
import org.neighborshare.launcher.SuiteConfig;

/**
 * Issue 4's upload benchmark: a 200 MiB clip streamed through the gateway to consent-service on loopback, with
 * a real owner token from Keycloak. Prints MiB/s and consent-service's heap growth (used heap sampled with jcmd
 * during the upload, against the used heap after a full GC before it).
 */
public final class ClipUploadBenchmark {

    static final long SIZE = Long.getLong("mib", 200) * 1024 * 1024;

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("neighbors-upload-bench");
        SuiteConfig config = SuiteConfig.forTests(data)
                .withServices("consent-service", "gateway")
                .withConsoleLogs(false)
                .withFileLogs(true);
        try (Suite suite = new Suite(config)) {
            suite.start();
            // HTTP/1.1 as a browser or curl uploads on plain http; the JDK client would otherwise try an h2c upgrade.
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String token = json(
                    http.send(
                                    HttpRequest.newBuilder(URI.create(config.keycloakUrl()
                                                    + "/realms/neighbors/protocol/openid-connect/token"))
                                            .header("Content-Type", "application/x-www-form-urlencoded")
                                            .POST(HttpRequest.BodyPublishers.ofString(
                                                    "grant_type=password&client_id=neighbors-demo-cli"
                                                            + "&username=owner.alice&password=neighbors-demo"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body(),
                    "access_token");
            String camera = json(
                    http.send(
                                    HttpRequest.newBuilder(URI.create(config.gatewayUrl() + "/api/me/cameras"))
                                            .header("Authorization", "Bearer " + token)
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(
                                                    "{\"label\":\"bench\",\"latitude\":45.52,\"longitude\":-122.67}"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body(),
                    "id");

            long pid = suite.pid("consent-service").orElseThrow();
            for (int warm = 0; warm < 3; warm++) { // JIT and buffers warm in the gateway and the service
                upload(http, config, token, camera, 64L * 1024 * 1024);
            }
            jcmd(pid, "GC.run");
            long before = usedHeap(pid);
            AtomicLong peak = new AtomicLong(before);
            // One jstat sampling every 100 ms: cheap, unlike a jcmd attach per sample (a JVM start each time,
            // which on 2 cores took CPU from the upload it measures).
            Process jstat = new ProcessBuilder(jdkTool("jstat"), "-gc", Long.toString(pid), "100")
                    .redirectErrorStream(true)
                    .start();
            Thread sampler = new Thread(() -> {
                try (var lines = new java.io.BufferedReader(
                        new java.io.InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
                    java.util.List<String> columns =
                            java.util.List.of(lines.readLine().trim().split("\\s+"));
                    String line;
                    while ((line = lines.readLine()) != null) {
                        String[] v = line.trim().split("\\s+");
                        if (v.length != columns.size()) {
                            continue;
                        }
                        double usedKib = 0;
                        for (String c : new String[] {"S0U", "S1U", "EU", "OU"}) {
                            usedKib += Double.parseDouble(v[columns.indexOf(c)]);
                        }
                        peak.accumulateAndGet((long) (usedKib * 1024), Math::max);
                    }
                } catch (IOException | RuntimeException e) {
                    // sampling ended
                }
            });
            sampler.start();
            long t = System.nanoTime();
            HttpResponse<String> response = upload(http, config, token, camera, SIZE);
            double seconds = (System.nanoTime() - t) / 1e9;
            jstat.destroy();
            sampler.join();
            if (response.statusCode() != 201) {
                throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
            }
            System.out.printf(
                    Locale.ROOT,
                    "upload of %d MiB through the gateway: %.1f s, %.0f MiB/s (target >= 100)%n",
                    SIZE >> 20,
                    seconds,
                    (SIZE >> 20) / seconds);
            System.out.printf(
                    Locale.ROOT,
                    "consent-service heap: %.0f MiB used after GC before, peak %.0f MiB during; "
                            + "growth %.0f MiB (target < 50)%n",
                    before / 1048576.0,
                    peak.get() / 1048576.0,
                    (peak.get() - before) / 1048576.0);
            System.out.println("server's SHA-256: " + json(response.body(), "sha256"));
        } finally {
            try (var paths = Files.walk(data)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    static HttpResponse<String> upload(HttpClient http, SuiteConfig config, String token, String camera, long size)
            throws Exception {
        String recordedAt = Instant.now()
                .minus(3, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        return http.send(
                HttpRequest.newBuilder(URI.create(
                                config.gatewayUrl() + "/api/me/clips?cameraId=" + camera + "&recordedAt=" + recordedAt))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "video/mp4")
                        .POST(HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(size)), size))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code size} bytes of a repeating pseudo-random pattern, generated on the fly (nothing held in memory). */
    static final class PatternStream extends InputStream {
        private final byte[] block = new byte[1 << 16];
        private long remaining;
        private int pos = block.length;

        PatternStream(long size) {
            remaining = size;
            new java.util.Random(1).nextBytes(block);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining <= 0) {
                return -1;
            }
            if (pos == block.length) {
                pos = 0;
            }
            int n = (int) Math.min(Math.min(len, block.length - pos), remaining);
            System.arraycopy(block, pos, b, off, n);
            pos += n;
            remaining -= n;
            return n;
        }
    }

    static long usedHeap(long pid) throws IOException {
        // "garbage-first heap   total 262144K, used 51200K [...]"
        Matcher m = Pattern.compile("used (\\d+)K").matcher(jcmd(pid, "GC.heap_info"));
        if (!m.find()) {
            throw new IOException("no heap figure from jcmd");
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    static String jcmd(long pid, String command) throws IOException {
        Process p = new ProcessBuilder(jdkTool("jcmd"), Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static String json(String body, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + body);
        }
        return m.group(1);
    }
}

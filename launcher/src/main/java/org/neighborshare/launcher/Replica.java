package org.neighborshare.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One more instance of a Quarkus service beside a running suite, on ports of its own, configured like the suite's
 * instance plus the given overrides: how the end-to-end tests run several replicas of a service against one
 * database (as Kubernetes does). Kept apart from {@link Suite}, which runs one instance of each part.
 */
public final class Replica implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;
    private final int managementPort;

    private Replica(String name, Process process, Path log, int port, int managementPort) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    /**
     * Starts {@code service} (a Quarkus service of the suite, from its packaged jar) on {@code port} and
     * {@code managementPort} with {@code overrides} as system properties, logging to {@code dataDir/logs}, and
     * waits until it is ready.
     *
     * @throws SuiteException if it does not become ready within {@code timeout}
     */
    public static Replica start(
            SuiteConfig config,
            String service,
            String replicaName,
            int port,
            int managementPort,
            Map<String, String> overrides,
            Duration timeout) {
        QuarkusService base = new QuarkusService(config, service);
        // Its own work dir, so that relative paths (and the jar's links, with an AppCDS archive) are its own.
        Launch launch = base.launch(config.dataDir().resolve("work").resolve(replicaName));
        List<String> command = new ArrayList<>(launch.command());
        int jar = command.indexOf("-jar");
        List<String> extra = new ArrayList<>();
        extra.add("-Dquarkus.http.port=" + port);
        extra.add("-Dquarkus.management.port=" + managementPort);
        overrides.forEach((k, v) -> extra.add("-D" + k + "=" + v));
        // After the suite's own -D options: for the JVM the last definition of a property wins.
        command.addAll(jar, extra);
        try {
            Path workDir = launch.workDir();
            Path logs = config.dataDir().resolve("logs");
            Files.createDirectories(logs);
            Path log = logs.resolve(replicaName + ".log");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(launch.environment());
            Replica replica = new Replica(replicaName, pb.start(), log, port, managementPort);
            replica.awaitReady(timeout);
            return replica;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new SuiteException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(200);
        }
        kill();
        throw new SuiteException(name + " was not ready within " + timeout + "; see " + log);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook, no clean close of its connections; the kernel closes its sockets. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, then SIGKILL after 15 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

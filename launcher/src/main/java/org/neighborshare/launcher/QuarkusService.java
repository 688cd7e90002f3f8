package org.neighborshare.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the launcher runs one of the four Quarkus services: its packaged jar, the one place that says how it is
 * configured for a local run ({@link #systemProperties()}), its command line and where it reports ready.
 */
final class QuarkusService {

    /** The heap of each Quarkus service. */
    static final String HEAP = "-Xmx256m";
    /**
     * Start-up and memory (README, "Start-up and memory"): the serial collector, which on two cores costs less
     * CPU and keeps far less memory committed than G1 for heaps this small, and a smaller first heap; the
     * application class-data archive the build leaves beside the jar (quarkus.package.jar.appcds.enabled) when it
     * is there, so classes are mapped instead of loaded and verified at every start. Resident memory after load:
     * the heap gives back what a full collection freed beyond 40 % (the default keeps up to 70 % free), and the
     * JVM hands glibc's freed native memory back to the system every 10 s (JIT arenas, Netty's and the JDBC
     * driver's buffers would otherwise stay resident after a burst).
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC",
            "-Xms32m",
            "-XX:MaxHeapFreeRatio=40",
            "-XX:MinHeapFreeRatio=10",
            "-XX:TrimNativeHeapInterval=10000");
    /**
     * glibc makes up to 8 malloc arenas per core for a process with many threads, each keeping its own free memory;
     * two are plenty for services whose hot allocations are on the Java heap.
     */
    static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    static final String APP_CDS = "app-cds.jsa";
    /** The gateway's local-demo signing key, relative to the repository root. */
    static final String SIGNING_KEY = "test-support/src/main/resources/local-demo-keys/internal-signing-key-1.pem";

    static final String SIGNING_KEY_ID = "local-demo-1";
    /** The gateway's public keys (local demo), which the portal checks its callers' tokens with. */
    static final String INTERNAL_JWKS = "shared/src/main/resources/local-demo-keys/internal-jwks.json";

    private final SuiteConfig config;
    private final String name;

    /** @throws IllegalArgumentException if {@code service} is not one of {@link Services#QUARKUS_SERVICES} */
    QuarkusService(SuiteConfig config, String service) {
        this.config = config;
        this.name = Services.canonical(service);
        if (!Services.QUARKUS_SERVICES.contains(name)) {
            throw new IllegalArgumentException(name + " is not a Quarkus service");
        }
    }

    String name() {
        return name;
    }

    /** The runnable jar the service's build leaves. */
    Path jar() {
        return config.repoRoot().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    boolean isBuilt() {
        return Files.isRegularFile(jar());
    }

    /** Its API port and its management port. */
    int[] ports() {
        return new int[] {config.port(name), config.managementPort(name)};
    }

    /**
     * The system properties the service is started with (besides the heap size and any
     * {@link SuiteConfig#extraArgs() extra args}). Extend here.
     */
    Map<String, String> systemProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.http.port", Integer.toString(config.port(name)));
        p.put("quarkus.management.port", Integer.toString(config.managementPort(name)));
        p.put("quarkus.profile", "local");
        p.put("NEIGHBORS_KEYCLOAK_URL", config.keycloakUrl());
        String db = Services.database(name);
        if (db != null) {
            p.put("quarkus.datasource.jdbc.url", config.jdbcUrl(db));
            p.put("quarkus.datasource.username", Postgres.runtimeRole(db));
            p.put("quarkus.datasource.password", Postgres.runtimeRole(db));
            p.put("quarkus.flyway.username", Postgres.USER);
            p.put("quarkus.flyway.password", Postgres.PASSWORD);
            p.put("NEIGHBORS_GATEWAY_URL", config.gatewayUrl());
        } else if (Services.PORTAL.equals(name)) {
            // The portal calls the gateway's /api/** like any client; the browser sees the gateway's origin.
            p.put("NEIGHBORS_GATEWAY_URL", config.gatewayUrl());
            // I6: it answers only calls that carry the gateway's token (LOCAL DEMO keys, as the services').
            p.put(
                    "portal.gateway-token.jwks-location",
                    config.repoRoot().resolve(INTERNAL_JWKS).toString());
        } else { // the gateway
            for (String target : Services.DATA_SERVICES) {
                p.put("gateway.services." + target + ".url", config.url(target));
            }
            p.put("gateway.services." + Services.PORTAL + ".url", config.url(Services.PORTAL));
            p.put(
                    "gateway.internal-token.signing-key-location",
                    config.repoRoot().resolve(SIGNING_KEY).toString());
            p.put("gateway.internal-token.key-id", SIGNING_KEY_ID);
        }
        return p;
    }

    /**
     * {@code java -Xmx… -D… <extra args> -jar quarkus-run.jar}, run in {@code dataDir/work/<name>} (created now) so
     * that relative paths a service writes, if any, land in the data dir and not in the checkout.
     */
    Launch launch() {
        return launch(config.dataDir().resolve("work").resolve(name));
    }

    /** As {@link #launch()}, run in {@code workDir} (created now): another instance of the service has its own. */
    Launch launch(Path workDir) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(HEAP);
        cmd.addAll(JVM_OPTIONS);
        Path archive = jar().resolveSibling(APP_CDS);
        boolean shared = Files.isRegularFile(archive);
        try {
            Files.createDirectories(workDir);
            if (shared) {
                linkApplication(workDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (shared) {
            cmd.add("-XX:SharedArchiveFile=" + archive);
        }
        systemProperties().forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(config.extraArgs(name));
        cmd.add("-jar");
        // The archive holds the class path as it was when it was made, "quarkus-run.jar" relative to the working
        // directory: the JVM refuses it for any other spelling, so the jar is run through links in the work dir.
        cmd.add(shared ? jar().getFileName().toString() : jar().toString());
        return new Launch(cmd, ENVIRONMENT, workDir);
    }

    /** Links to the packaged application (the jar and the folders it names relative to itself) in {@code dir}. */
    private void linkApplication(Path dir) throws IOException {
        Path app = jar().getParent();
        for (String entry : List.of(jar().getFileName().toString(), "lib", "app", "quarkus")) {
            Path link = dir.resolve(entry);
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, app.resolve(entry).toAbsolutePath());
        }
    }

    /** Readiness is served on the management interface only, never on the service's API port. */
    String readyUrl() {
        return config.managementUrl(name) + "/q/health/ready";
    }

    /** What the ready line names. */
    String servedAt() {
        return config.url(name) + " (management " + config.managementUrl(name) + ")";
    }
}

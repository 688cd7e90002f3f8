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
            p.put("quarkus.datasource.username", Postgres.USER);
            p.put("quarkus.datasource.password", Postgres.PASSWORD);
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
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(HEAP);
        systemProperties().forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(config.extraArgs(name));
        cmd.add("-jar");
        cmd.add(jar().toString());
        Path workDir = config.dataDir().resolve("work").resolve(name);
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Launch(cmd, Map.of(), workDir);
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

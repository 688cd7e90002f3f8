package org.neighborshare.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keycloak as the suite runs it: the distribution unpacked into the data dir ({@link KeycloakDist}), started with
 * {@code kc.sh start-dev --import-realm} on the suite's port, ready once it serves the realm's OpenID configuration.
 */
public final class Keycloak {

    /** Keycloak's bootstrap admin (local demo only). */
    public static final String ADMIN_USERNAME = "admin";

    public static final String ADMIN_PASSWORD = "admin";
    /** Keycloak's heap ({@code JAVA_OPTS_KC_HEAP}). */
    static final String HEAP = "-Xms64m -Xmx512m";

    private final SuiteConfig config;
    private final ProcessLog launcherLog;

    Keycloak(SuiteConfig config, ProcessLog launcherLog) {
        this.config = config;
        this.launcherLog = launcherLog;
    }

    /** The distribution already unpacked in the data dir for the version the launcher was built for, if any. */
    Optional<Path> existingHome() {
        String version = KeycloakDist.version();
        if (version == null) {
            return Optional.empty();
        }
        Path home = config.dataDir().resolve("keycloak-" + version);
        return Files.isRegularFile(home.resolve("bin/kc.sh")) ? Optional.of(home) : Optional.empty();
    }

    /**
     * The unpacked distribution, unpacked now (with the realm put up for import) if absent.
     *
     * @throws SuiteException if the zip is missing or cannot be unpacked
     */
    Path home() {
        Optional<Path> home = existingHome();
        if (home.isPresent()) {
            return home.get();
        }
        Path zip = KeycloakDist.findZip(config.repoRoot());
        try {
            return KeycloakDist.ensureUnpacked(
                    zip,
                    config.dataDir(),
                    config.repoRoot().resolve(SuiteConfig.REALM_FILE),
                    config.gatewayUrl(),
                    launcherLog);
        } catch (IOException e) {
            throw new SuiteException("cannot unpack " + zip + " into " + config.dataDir() + ": " + e, e);
        }
    }

    /** {@code kc.sh start-dev --import-realm --http-port=<port> <extra args>}, with the bootstrap admin and heap. */
    Launch launch(Path home) {
        List<String> cmd = new ArrayList<>(List.of(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--import-realm",
                "--http-port=" + config.port(Services.KEYCLOAK)));
        cmd.addAll(config.extraArgs(Services.KEYCLOAK));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("JAVA_OPTS_KC_HEAP", HEAP);
        env.put("JAVA_HOME", System.getProperty("java.home")); // kc.sh runs on the launcher's own JDK
        return new Launch(cmd, env, home);
    }

    /** Served once the realm is imported and Keycloak answers for it. */
    String readyUrl() {
        return config.issuerUrl() + "/.well-known/openid-configuration";
    }
}

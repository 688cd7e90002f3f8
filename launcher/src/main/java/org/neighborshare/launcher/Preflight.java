package org.neighborshare.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What {@link Suite#start()} checks before it starts anything, so that a missing build or a taken port is
 * reported at once, every problem in one message, rather than after PostgreSQL and Keycloak have started.
 */
final class Preflight {

    /** How to build what is missing. */
    static final String HOW_TO_BUILD = "./mvnw -B install -DskipTests (or ./run-local --rebuild)";

    private final SuiteConfig config;
    private final Keycloak keycloak;
    private final Predicate<String> running;

    /** @param running whether a part already runs (its build and ports are then not checked) */
    Preflight(SuiteConfig config, Keycloak keycloak, Predicate<String> running) {
        this.config = config;
        this.keycloak = keycloak;
        this.running = running;
    }

    /** @throws SuiteException listing what is not built, else which ports are taken */
    void check() {
        List<String> missing = missingBuilds();
        if (!missing.isEmpty()) {
            throw new SuiteException(String.join("\n", missing) + "\nBuild first: " + HOW_TO_BUILD);
        }
        List<String> taken = takenPorts();
        if (!taken.isEmpty()) {
            throw new SuiteException("port(s) already in use: " + String.join(", ", taken)
                    + " — is another suite (or an old process of one) still running?");
        }
    }

    private List<String> missingBuilds() {
        List<String> problems = new ArrayList<>();
        Path realm = config.repoRoot().resolve(SuiteConfig.REALM_FILE);
        if (!Files.isRegularFile(realm)) {
            problems.add("missing realm file " + realm);
        }
        for (String s : config.services()) {
            QuarkusService service = new QuarkusService(config, s);
            if (!running.test(s) && !service.isBuilt()) {
                problems.add(s + " is not built (missing " + config.repoRoot().relativize(service.jar()) + ")");
            }
        }
        if (!running.test(Services.KEYCLOAK) && keycloak.existingHome().isEmpty()) {
            try {
                KeycloakDist.findZip(config.repoRoot());
            } catch (SuiteException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    private List<String> takenPorts() {
        List<String> taken = new ArrayList<>();
        List<String> parts = new ArrayList<>(List.of(Services.POSTGRES, Services.KEYCLOAK));
        parts.addAll(config.services());
        for (String p : parts) {
            if (running.test(p)) {
                continue;
            }
            if (!Ports.free(config.port(p))) {
                taken.add(p + " " + config.port(p));
            }
            if (Services.QUARKUS_SERVICES.contains(p) && !Ports.free(config.managementPort(p))) {
                taken.add(p + " (management) " + config.managementPort(p));
            }
        }
        return taken;
    }
}

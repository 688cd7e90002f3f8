package org.neighborshare.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is missing or taken is reported before anything starts. */
class PreflightTest {

    @TempDir
    Path tmp;

    private Path repoWithoutBuilds() throws IOException {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("keycloak"));
        Files.copy(SuiteConfig.findRepoRoot().resolve(SuiteConfig.REALM_FILE), repo.resolve(SuiteConfig.REALM_FILE));
        return repo;
    }

    @Test
    void missingServiceJarsAreReportedBeforeAnythingStarts() throws IOException {
        SuiteConfig config = SuiteConfig.forTests(tmp.resolve("data")).withRepoRoot(repoWithoutBuilds());
        try (Suite suite = new Suite(config)) {
            SuiteException e = assertThrows(SuiteException.class, suite::start);
            for (String s : Services.QUARKUS_SERVICES) {
                assertTrue(e.getMessage().contains(s + " is not built"), e.getMessage());
            }
            assertTrue(e.getMessage().contains("mvnw"), e.getMessage());
            assertFalse(suite.isRunning(Services.POSTGRES));
            assertFalse(Files.exists(tmp.resolve("data/postgres")));
        }
    }

    @Test
    void takenPortsAreNamedTogether() throws IOException {
        try (ServerSocket pg = new ServerSocket(0);
                ServerSocket gatewayManagement = new ServerSocket(0)) {
            int gateway = gatewayManagement.getLocalPort() - SuiteConfig.MANAGEMENT_PORT_SHIFT;
            Path repo = repoWithoutBuilds();
            Path gatewayJar = new QuarkusService(SuiteConfig.defaults(repo), Services.GATEWAY).jar();
            Files.createDirectories(gatewayJar.getParent());
            Files.createFile(gatewayJar);
            SuiteConfig config = SuiteConfig.forTests(tmp.resolve("data"))
                    .withRepoRoot(repo)
                    .withServices(Services.GATEWAY)
                    .withPorts(pg.getLocalPort(), 1, gateway, 2, 3, 4);
            Preflight preflight = new Preflight(
                    config,
                    new Keycloak(config, new ProcessLog("launcher", null, null, -1)),
                    part -> part.equals(Services.KEYCLOAK)); // running: its port is not checked
            SuiteException e = assertThrows(SuiteException.class, preflight::check);
            assertTrue(
                    e.getMessage()
                            .startsWith("port(s) already in use: postgres " + pg.getLocalPort()
                                    + ", gateway (management) " + gatewayManagement.getLocalPort()),
                    e.getMessage());
        }
    }
}

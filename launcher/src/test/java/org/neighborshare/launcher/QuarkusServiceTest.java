package org.neighborshare.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How each Quarkus service is configured and started for a local run. */
class QuarkusServiceTest {

    @TempDir
    Path tmp;

    @Test
    void dataServicesGetTheirDatabaseAndTheGatewayUrl() {
        SuiteConfig c = SuiteConfig.forTests(Path.of("/tmp/x"));
        Map<String, String> p = new QuarkusService(c, "consent").systemProperties();
        assertEquals("18083", p.get("quarkus.http.port"));
        assertEquals("19083", p.get("quarkus.management.port"));
        assertEquals("local", p.get("quarkus.profile"));
        assertEquals("jdbc:postgresql://localhost:54330/consent", p.get("quarkus.datasource.jdbc.url"));
        // The service runs as its own role, limited to reading and appending the audit log; migrations as the owner.
        assertEquals("consent_service", p.get("quarkus.datasource.username"));
        assertEquals("postgres", p.get("quarkus.flyway.username"));
        assertEquals("http://localhost:18080", p.get("NEIGHBORS_GATEWAY_URL"));
        assertEquals("http://localhost:18180", p.get("NEIGHBORS_KEYCLOAK_URL"));
        assertFalse(p.containsKey("gateway.internal-token.key-id"));
    }

    @Test
    void theGatewayGetsRoutesAndTheLocalDemoSigningKey() {
        SuiteConfig c = SuiteConfig.forTests(Path.of("/tmp/x"));
        Map<String, String> p = new QuarkusService(c, Services.GATEWAY).systemProperties();
        assertEquals("18080", p.get("quarkus.http.port"));
        assertEquals("19080", p.get("quarkus.management.port"));
        assertEquals("http://localhost:18081", p.get("gateway.services.agency-service.url"));
        assertEquals("http://localhost:18082", p.get("gateway.services.request-service.url"));
        assertEquals("http://localhost:18083", p.get("gateway.services.consent-service.url"));
        assertEquals("http://localhost:18180", p.get("NEIGHBORS_KEYCLOAK_URL"));
        assertEquals("local-demo-1", p.get("gateway.internal-token.key-id"));
        assertTrue(Files.isRegularFile(Path.of(p.get("gateway.internal-token.signing-key-location"))));
        assertFalse(p.containsKey("quarkus.datasource.jdbc.url"));
        assertThrows(IllegalArgumentException.class, () -> new QuarkusService(c, "keycloak"));
    }

    @Test
    void aServiceRunsItsJarWithHeapPropertiesAndExtraArgsInItsOwnWorkDir() {
        SuiteConfig c = SuiteConfig.forTests(tmp).withExtraArgs("agency", "-Dx=y");
        QuarkusService agency = new QuarkusService(c, "agency");
        Launch launch = agency.launch();
        List<String> cmd = launch.command();
        assertEquals(QuarkusService.HEAP, cmd.get(1));
        assertTrue(cmd.contains("-Dquarkus.http.port=18081"), cmd.toString());
        // Without an AppCDS archive beside the jar (none in a test repo root) the jar is named by its full path.
        String jar = Files.isRegularFile(agency.jar().resolveSibling(QuarkusService.APP_CDS))
                ? "quarkus-run.jar"
                : agency.jar().toString();
        assertEquals(List.of("-Dx=y", "-jar", jar), cmd.subList(cmd.size() - 3, cmd.size()));
        assertEquals(c.repoRoot().resolve("agency-service/target/quarkus-app/quarkus-run.jar"), agency.jar());
        assertEquals(tmp.resolve("work/agency-service"), launch.workDir());
        assertTrue(Files.isDirectory(launch.workDir()));
        assertEquals("http://localhost:19081/q/health/ready", agency.readyUrl());
    }

    @Test
    void withAnAppCdsArchiveTheJarRunsThroughLinksInTheWorkDirAsTheArchiveNamesIt() throws Exception {
        Path root = tmp.resolve("repo");
        Path app = root.resolve("agency-service/target/quarkus-app");
        for (String dir : List.of("lib", "app", "quarkus")) {
            Files.createDirectories(app.resolve(dir));
        }
        Files.writeString(app.resolve("quarkus-run.jar"), "jar");
        Files.writeString(app.resolve(QuarkusService.APP_CDS), "archive");
        SuiteConfig c = SuiteConfig.forTests(tmp.resolve("data")).withRepoRoot(root);
        Launch launch = new QuarkusService(c, "agency").launch();
        List<String> cmd = launch.command();
        assertTrue(cmd.contains("-XX:SharedArchiveFile=" + app.resolve(QuarkusService.APP_CDS)), cmd.toString());
        assertTrue(cmd.containsAll(QuarkusService.JVM_OPTIONS), cmd.toString());
        assertEquals(List.of("-jar", "quarkus-run.jar"), cmd.subList(cmd.size() - 2, cmd.size()));
        for (String entry : List.of("quarkus-run.jar", "lib", "app", "quarkus")) {
            Path link = launch.workDir().resolve(entry);
            assertTrue(Files.isSymbolicLink(link), entry);
            assertEquals(app.resolve(entry).toRealPath(), link.toRealPath());
        }
        // Started again (a restart of the part), the links are laid anew rather than failing.
        new QuarkusService(c, "agency").launch();
        assertTrue(Files.isSymbolicLink(launch.workDir().resolve("lib")));
    }
}

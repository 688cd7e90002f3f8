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
        assertEquals(List.of("-Dx=y", "-jar", agency.jar().toString()), cmd.subList(cmd.size() - 3, cmd.size()));
        assertEquals(c.repoRoot().resolve("agency-service/target/quarkus-app/quarkus-run.jar"), agency.jar());
        assertEquals(tmp.resolve("work/agency-service"), launch.workDir());
        assertTrue(Files.isDirectory(launch.workDir()));
        assertEquals("http://localhost:19081/q/health/ready", agency.readyUrl());
    }
}

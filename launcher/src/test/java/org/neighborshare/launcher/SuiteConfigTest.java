package org.neighborshare.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteConfigTest {

    @TempDir
    Path tmp;

    private Path fakeRepo() throws IOException {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("keycloak"));
        Files.writeString(repo.resolve(SuiteConfig.REALM_FILE), "{}");
        return repo;
    }

    @Test
    void repoRootIsFoundWalkingUpFromANestedFolder() throws IOException {
        Path repo = fakeRepo();
        Path nested = Files.createDirectories(repo.resolve("e2e-tests/target/x"));
        assertEquals(repo, SuiteConfig.findRepoRoot(null, nested));
        assertEquals(repo, SuiteConfig.findRepoRoot("", repo));
    }

    @Test
    void theHomePropertyWins() throws IOException {
        Path repo = fakeRepo();
        assertEquals(repo, SuiteConfig.findRepoRoot(repo.toString(), Path.of("/")));
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> SuiteConfig.findRepoRoot(tmp.toString(), repo));
        assertTrue(e.getMessage().contains(SuiteConfig.HOME_PROPERTY));
    }

    @Test
    void noCheckoutAboveIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SuiteConfig.findRepoRoot(null, tmp));
        assertTrue(e.getMessage().contains(SuiteConfig.REALM_FILE));
    }

    @Test
    void thisCheckoutIsFoundFromTheModuleFolder() {
        Path root = SuiteConfig.findRepoRoot();
        assertTrue(Files.isRegularFile(root.resolve(SuiteConfig.REALM_FILE)));
        assertTrue(Files.isDirectory(root.resolve("launcher")));
    }

    @Test
    void defaultPortsAndDataDir() throws IOException {
        Path repo = fakeRepo();
        SuiteConfig c = SuiteConfig.defaults(repo);
        assertEquals(repo.resolve(".local"), c.dataDir());
        assertEquals(54320, c.port("postgres"));
        assertEquals(8180, c.port("keycloak"));
        assertEquals(8080, c.port("gateway"));
        assertEquals(8081, c.port("agency-service"));
        assertEquals(8082, c.port("request"));
        assertEquals(8083, c.port("consent"));
        assertEquals(Services.QUARKUS_SERVICES, c.services());
        assertTrue(c.consoleLogs());
        assertEquals("http://localhost:8080", c.gatewayUrl());
        assertEquals("http://localhost:8180/realms/neighbors", c.issuerUrl());
        assertEquals("jdbc:postgresql://localhost:54320/consent", c.jdbcUrl("consent"));
        assertThrows(IllegalArgumentException.class, () -> c.url("postgres"));
    }

    @Test
    void testPortsDoNotClashWithTheLocalRun() {
        SuiteConfig t = SuiteConfig.forTests(tmp.resolve("data"));
        SuiteConfig d = SuiteConfig.defaults(t.repoRoot());
        assertEquals(tmp.resolve("data"), t.dataDir());
        assertEquals(
                List.of(54330, 18180, 18080, 18081, 18082, 18083),
                List.of(
                        t.postgresPort(),
                        t.keycloakPort(),
                        t.gatewayPort(),
                        t.agencyPort(),
                        t.requestPort(),
                        t.consentPort()));
        for (String p : Services.ALL) {
            assertFalse(t.port(p) == d.port(p), p);
        }
        assertFalse(t.consoleLogs());
        assertTrue(t.fileLogs());
    }

    @Test
    void onlyTheTestSuiteCanMoveTheServicesClocks() {
        SuiteConfig t = SuiteConfig.forTests(tmp.resolve("data"));
        SuiteConfig d = SuiteConfig.defaults(t.repoRoot());
        for (String service : Services.DATA_SERVICES) {
            assertTrue(t.extraArgs(service).contains(SuiteConfig.TEST_CLOCK_FLAG), service);
            assertTrue(t.extraArgs(service).containsAll(SuiteConfig.TEST_SCHEDULES), service);
            assertFalse(d.extraArgs(service).contains(SuiteConfig.TEST_CLOCK_FLAG), service);
        }
        assertFalse(t.extraArgs(Services.GATEWAY).contains(SuiteConfig.TEST_CLOCK_FLAG));
        assertFalse(d.extraArgs(Services.GATEWAY).contains(SuiteConfig.TEST_CLOCK_FLAG));
    }

    @Test
    void healthAndMetricsHaveTheirOwnManagementPortPerService() throws IOException {
        SuiteConfig local = SuiteConfig.defaults(fakeRepo());
        assertEquals(
                List.of(9080, 9081, 9082, 9083),
                List.of(
                        local.managementPort("gateway"),
                        local.managementPort("agency"),
                        local.managementPort("request"),
                        local.managementPort("consent")));
        assertEquals("http://localhost:9080", local.managementUrl(Services.GATEWAY));
        SuiteConfig tests = SuiteConfig.forTests(tmp.resolve("data"));
        assertEquals(
                List.of(19080, 19081, 19082, 19083),
                List.of(
                        tests.managementPort("gateway"),
                        tests.managementPort("agency"),
                        tests.managementPort("request"),
                        tests.managementPort("consent")));
        // Moving the HTTP ports (the e2e port offset does) moves the management ports along.
        SuiteConfig shifted = tests.withPorts(54730, 18580, 18480, 18481, 18482, 18483);
        assertEquals(19480, shifted.managementPort(Services.GATEWAY));
        assertEquals(19483, shifted.managementPort(Services.CONSENT));
        assertThrows(IllegalArgumentException.class, () -> local.managementPort("keycloak"));
        assertThrows(IllegalArgumentException.class, () -> local.managementPort("postgres"));
        // A management port may not land on another part's port.
        assertThrows(IllegalArgumentException.class, () -> local.withPorts(54320, 9080, 8080, 8081, 8082, 8083));
    }

    @Test
    void servicesAreCanonicalAndInStartOrder() throws IOException {
        SuiteConfig c = SuiteConfig.defaults(fakeRepo()).withServices("gateway", "agency", "agency-service");
        assertEquals(List.of(Services.AGENCY, Services.GATEWAY), c.services());
        assertEquals(List.of(), c.withServices().services());
        assertThrows(IllegalArgumentException.class, () -> c.withServices("keycloak"));
        assertThrows(IllegalArgumentException.class, () -> c.withServices("billing"));
    }

    @Test
    void thePortalListensBesideTheGatewayAndMovesWithIt() throws IOException {
        SuiteConfig local = SuiteConfig.defaults(fakeRepo());
        assertEquals(8084, local.port(Services.PORTAL));
        assertEquals(9084, local.managementPort(Services.PORTAL));
        assertEquals("http://localhost:8084", local.url(Services.PORTAL));
        SuiteConfig tests = SuiteConfig.forTests(tmp.resolve("data"));
        assertEquals(18084, tests.port(Services.PORTAL));
        assertEquals(
                26084, tests.withPorts(62330, 26180, 26080, 26081, 26082, 26083).port(Services.PORTAL));
        // The portal's port may not land on another part's.
        assertThrows(IllegalArgumentException.class, () -> local.withPorts(54320, 8184, 8180, 8181, 8182, 8183));
    }

    @Test
    void portsMustBeDistinct() throws IOException {
        SuiteConfig c = SuiteConfig.defaults(fakeRepo());
        assertThrows(IllegalArgumentException.class, () -> c.withPorts(1, 2, 3, 4, 5, 5));
        assertThrows(IllegalArgumentException.class, () -> c.withPorts(0, 2, 3, 4, 5, 6));
        assertEquals(6, c.withPorts(1, 2, 3, 4, 5, 6).consentPort());
    }

    @Test
    void extraArgsAccumulatePerPart() throws IOException {
        SuiteConfig c = SuiteConfig.defaults(fakeRepo())
                .withExtraArgs("consent", "-Da=1")
                .withExtraArgs("consent-service", "-Db=2")
                .withExtraArgs("keycloak", "--log-level=warn");
        assertEquals(List.of("-Da=1", "-Db=2"), c.extraArgs(Services.CONSENT));
        assertEquals(List.of("--log-level=warn"), c.extraArgs("kc"));
        assertEquals(List.of(), c.extraArgs(Services.GATEWAY));
    }
}

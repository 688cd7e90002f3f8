package org.neighborshare.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServicesTest {

    @Test
    void namesAndAliases() {
        assertEquals(Services.AGENCY, Services.canonical("agency"));
        assertEquals(Services.CONSENT, Services.canonical(" Consent-Service "));
        assertEquals(Services.KEYCLOAK, Services.canonical("kc"));
        assertEquals(Services.POSTGRES, Services.canonical("postgresql"));
        assertThrows(IllegalArgumentException.class, () -> Services.canonical("nope"));
        assertEquals("agency", Services.logName(Services.AGENCY));
        assertEquals("gateway", Services.logName(Services.GATEWAY));
        assertEquals("request", Services.database(Services.REQUEST));
        assertNull(Services.database(Services.GATEWAY));
    }

    @Test
    void prefixesHaveOneWidth() {
        assertEquals("[agency  ] ", Services.prefix("agency"));
        assertEquals("[keycloak] ", Services.prefix("keycloak"));
        for (String n : Services.ALL) {
            assertEquals(11, Services.prefix(Services.logName(n)).length(), n);
        }
    }

    @Test
    void dataServicesGetTheirDatabaseAndTheGatewayUrl() {
        SuiteConfig c = SuiteConfig.forTests(Path.of("/tmp/x"));
        Map<String, String> p = Services.systemProperties(c, "consent");
        assertEquals("18083", p.get("quarkus.http.port"));
        assertEquals("19083", p.get("quarkus.management.port"));
        assertEquals("local", p.get("quarkus.profile"));
        assertEquals("jdbc:postgresql://localhost:54330/consent", p.get("quarkus.datasource.jdbc.url"));
        assertEquals("postgres", p.get("quarkus.datasource.username"));
        assertEquals("http://localhost:18080", p.get("NEIGHBORS_GATEWAY_URL"));
        assertEquals("http://localhost:18180", p.get("NEIGHBORS_KEYCLOAK_URL"));
        assertFalse(p.containsKey("gateway.internal-token.key-id"));
    }

    @Test
    void theGatewayGetsRoutesAndTheLocalDemoSigningKey() {
        SuiteConfig c = SuiteConfig.forTests(Path.of("/tmp/x"));
        Map<String, String> p = Services.systemProperties(c, Services.GATEWAY);
        assertEquals("18080", p.get("quarkus.http.port"));
        assertEquals("19080", p.get("quarkus.management.port"));
        assertEquals("http://localhost:18081", p.get("gateway.services.agency-service.url"));
        assertEquals("http://localhost:18082", p.get("gateway.services.request-service.url"));
        assertEquals("http://localhost:18083", p.get("gateway.services.consent-service.url"));
        assertEquals("http://localhost:18180", p.get("NEIGHBORS_KEYCLOAK_URL"));
        assertEquals("local-demo-1", p.get("gateway.internal-token.key-id"));
        assertTrue(Files.isRegularFile(Path.of(p.get("gateway.internal-token.signing-key-location"))));
        assertFalse(p.containsKey("quarkus.datasource.jdbc.url"));
        assertThrows(IllegalArgumentException.class, () -> Services.systemProperties(c, "keycloak"));
    }
}

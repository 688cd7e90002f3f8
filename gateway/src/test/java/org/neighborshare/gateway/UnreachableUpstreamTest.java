package org.neighborshare.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neighborshare.gateway.support.KeycloakTokens;

/**
 * Every service points at a port nothing listens on, as when a service is down. The timeouts are long here, so
 * that a 503 well before them shows the refusal is answered at once, not waited out (a bound this loose does not
 * depend on how loaded the machine is).
 */
@QuarkusTest
@TestProfile(UnreachableUpstreamTest.ServicesDown.class)
class UnreachableUpstreamTest {

    public static class ServicesDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String url = "http://127.0.0.1:" + closedPort();
            return Map.of(
                    "gateway.upstream.timeout", "60s",
                    "gateway.upstream.connect-timeout", "60s",
                    "gateway.services.agency-service.url", url,
                    "gateway.services.request-service.url", url,
                    "gateway.services.consent-service.url", url);
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void stoppedServiceIs503ProblemAtOnceNotAfterTheTimeouts() {
        // Minted outside the timed window: signing the test token is the test's cost, not the gateway's.
        String bearer = KeycloakTokens.user().role("owner").bearer();
        // The first call also loads the classes of the whole path; that is start-up cost, not waiting.
        given().header("Authorization", bearer)
                .when()
                .get("/api/me/cameras")
                .then()
                .statusCode(503);
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            given().header("Authorization", bearer)
                    .when()
                    .get("/api/me/cameras")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("status", equalTo(503))
                    .body("detail", containsString("consent-service"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 15_000, "503 after " + millis + " ms: the refused connection was waited out");
        }
    }
}

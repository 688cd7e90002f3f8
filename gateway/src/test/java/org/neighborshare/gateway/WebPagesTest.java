package org.neighborshare.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neighborshare.gateway.proxy.GatewayHandler;
import org.neighborshare.gateway.support.FakeServices;
import org.neighborshare.gateway.support.ForwardedToken;
import org.neighborshare.gateway.support.KeycloakTokens;

/**
 * The portal's pages through the gateway (gateway.web): everything outside /api/** and /q/** goes to the portal
 * (here a fake that echoes), with the gateway's own headers and an internal token for the portal alone (I6); the
 * API and /q/** are untouched.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
@TestProfile(WebPagesTest.WithPortal.class)
class WebPagesTest {

    public static class WithPortal implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The fake agency-service stands in for the portal: it echoes what reached it.
            return Map.of(
                    "gateway.web.service",
                    "portal",
                    "gateway.services.portal.url",
                    "${gateway.services.agency-service.url}");
        }
    }

    @Test
    void pagesGoToThePortalWithTheGatewaysHeadersAndAnInternalTokenForThePortalOnly() {
        JsonPath echo = given().header(
                        "Authorization", KeycloakTokens.user().role("owner").bearer())
                .header("X-Forwarded-Host", "evil.example")
                .header("Cookie", "q_session=abc")
                .when()
                .get("/directory?page=2")
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .extract()
                .jsonPath();
        assertEquals("/directory?page=2", echo.getString("uri"));
        assertEquals("GET", echo.getString("method"));
        List<String> auth = echo.getList("headers.authorization");
        assertEquals(1, auth.size());
        // Not the client's token: one the gateway minted for the portal, for nobody (pages are public to it).
        ForwardedToken token = ForwardedToken.verify(auth.get(0), "portal");
        assertTrue(token != null);
        assertFalse(echo.getList("headers.x-forwarded-host").contains("evil.example"));
        assertEquals(List.of("q_session=abc"), echo.getList("headers.cookie"), "the session cookie reaches the portal");
        assertNotNull(echo.getList("headers.x-request-id"));
    }

    @Test
    void theHomePageAndAPostedFormReachThePortal() {
        given().when().get("/").then().statusCode(200).body("uri", equalTo("/"));
        given().contentType("application/x-www-form-urlencoded")
                .body("a=1")
                .when()
                .post("/apply")
                .then()
                .statusCode(200)
                .body("method", equalTo("POST"))
                .body("body", equalTo("a=1"));
    }

    @Test
    void theApiAndTheOperationalPathsAreNotPages() {
        given().when().get("/api/nowhere").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/q/health").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/q").then().statusCode(404).contentType("application/problem+json");
        given().when().put("/directory").then().statusCode(405).header("Allow", "GET, HEAD, POST");
        assertTrue(GatewayHandler.isPage("/"));
        assertTrue(GatewayHandler.isPage("/apiary"));
        assertTrue(GatewayHandler.isPage("/quiet"));
        assertFalse(GatewayHandler.isPage("/api"));
        assertFalse(GatewayHandler.isPage("/api/x"));
        assertFalse(GatewayHandler.isPage("/q/health"));
    }

    private static void assertNotNull(Object o) {
        assertTrue(o != null);
    }
}

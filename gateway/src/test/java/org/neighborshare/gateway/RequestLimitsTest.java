package org.neighborshare.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neighborshare.gateway.support.FakeServices;
import org.neighborshare.gateway.support.KeycloakTokens;
import org.neighborshare.gateway.support.RawHttp;

/** Body-size limits per route (413) and page-size caps (400), enforced before anything reaches a service. */
@QuarkusTest
@WithTestResource(FakeServices.class)
class RequestLimitsTest {

    static final int MIB = 1024 * 1024;
    static final String AGENCY = "5d1d0a6e-8f4b-4a52-9c55-7a1f3c2b9e01";

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'z');
        return b;
    }

    @Test
    void bodyOverTheRouteLimitWithContentLengthIs413AndNeverForwarded() {
        String path = "/api/me/cameras/" + UUID.randomUUID();
        given().header("Authorization", KeycloakTokens.user().role("owner").bearer())
                .contentType("application/json")
                .body(bytes(MIB + 1))
                .when()
                .post(path)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("detail", containsString(Integer.toString(MIB)));
        assertFalse(FakeServices.reached(path), "an oversized body reached the service");

        // Exactly at the limit it goes through.
        given().header("Authorization", KeycloakTokens.user().role("owner").bearer())
                .contentType("application/json")
                .body(bytes(MIB))
                .when()
                .post(path)
                .then()
                .statusCode(200)
                .body("service", equalTo("consent-service"));
    }

    @Test
    void oversizedBodyIsRefusedBeforeTheTokenIsEvenNeeded() {
        String path = "/api/me/cameras/" + UUID.randomUUID();
        given().contentType("application/json")
                .body(bytes(MIB + 1))
                .when()
                .post(path)
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
        assertFalse(FakeServices.reached(path));
    }

    @Test
    void chunkedBodyOverTheRouteLimitIs413AndTheServiceNeverGetsItWhole() throws Exception {
        String path = "/api/me/settings/" + UUID.randomUUID();
        RawHttp.Response response = RawHttp.send(
                RestAssured.port,
                "PUT",
                path,
                2 * MIB,
                "Authorization: " + KeycloakTokens.user().role("owner").bearer(),
                "Content-Type: application/octet-stream");
        assertEquals(413, response.status(), response.head());
        assertTrue(response.head().toLowerCase(Locale.ROOT).contains("application/problem+json"), response.head());
        assertTrue(response.body().contains("\"status\":413"), response.body());
        // No length to refuse up front, so streaming to the service may have begun (whether its head got there
        // before the limit was crossed is a race, not a rule); the service never got the whole body.
        assertFalse(FakeServices.received(path), "the service received the whole oversized body");

        // The same route takes a chunked body within the limit.
        String ok = "/api/me/settings/" + UUID.randomUUID();
        RawHttp.Response within = RawHttp.send(
                RestAssured.port,
                "PUT",
                ok,
                MIB - 1024,
                "Authorization: " + KeycloakTokens.user().role("owner").bearer());
        assertEquals(200, within.status(), within.head());
        assertTrue(FakeServices.received(ok));
    }

    @Test
    void theClipUploadRouteTakesBodiesFarOverTheJsonLimit() {
        String echoed = given().header(
                        "Authorization", KeycloakTokens.user().role("owner").bearer())
                .contentType("video/mp4")
                .body(bytes(3 * MIB))
                .when()
                .post("/api/me/clips")
                .then()
                .statusCode(200)
                .body("service", equalTo("consent-service"))
                .extract()
                .jsonPath()
                .getString("body");
        assertEquals(3 * MIB, echoed.length());
    }

    @Test
    void pageSizeOverTheCapIs400NamingTheParameter() {
        String bearer = KeycloakTokens.user().agencyRole(AGENCY, "investigator").bearer();
        String path = "/api/agencies/" + AGENCY + "/requests";
        given().header("Authorization", bearer)
                .queryParam("size", 101)
                .when()
                .get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("'size'"))
                .body("detail", containsString("100"));
        given().header("Authorization", bearer)
                .queryParam("limit", 100_000)
                .when()
                .get(path)
                .then()
                .statusCode(400)
                .body("detail", containsString("'limit'"));
        given().header("Authorization", bearer)
                .queryParam("size", "1e9")
                .when()
                .get(path)
                .then()
                .statusCode(400);
        given().header("Authorization", bearer)
                .queryParam("size", 100)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .body("uri", equalTo(path + "?size=100"));
    }

    @Test
    void pageSizeCapCannotBeDodgedByEncodingOrRepeatingTheParameter() {
        String path = "/api/public/requests/" + UUID.randomUUID();
        for (String query :
                new String[] {"%73ize=500", "size=10&size=500", "page=0;size=500", "SIZE=500", "size=%35%30%30"}) {
            given().urlEncodingEnabled(false)
                    .when()
                    .get(path + "?" + query)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        assertFalse(FakeServices.reached(path), "a page-size trick reached the service");
    }

    @Test
    void feedReadersMayAskForTheLargerPagesTheirRouteAllows() {
        String bearer =
                KeycloakTokens.user().role("feed-reader").azp("consent-service").bearer();
        given().header("Authorization", bearer)
                .queryParam("limit", 500)
                .when()
                .get("/api/feed/request-events")
                .then()
                .statusCode(200)
                .body("service", equalTo("request-service"));
        given().header("Authorization", bearer)
                .queryParam("limit", 501)
                .when()
                .get("/api/feed/request-events")
                .then()
                .statusCode(400);
    }
}

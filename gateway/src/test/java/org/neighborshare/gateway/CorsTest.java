package org.neighborshare.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neighborshare.gateway.support.FakeServices;

/** Cross-origin calls: only the configured origins (default http://localhost:8080) are allowed. */
@QuarkusTest
@WithTestResource(FakeServices.class)
class CorsTest {

    static final String WEB = "http://localhost:8080";
    static final String EVIL = "https://evil.example";

    @Test
    void theConfiguredOriginIsAllowed() {
        given().header("Origin", WEB)
                .when()
                .get("/api/public/agencies")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(WEB))
                .header("Access-Control-Allow-Credentials", anyOf(nullValue(), equalTo("false")));
    }

    @Test
    void aForeignOriginGetsNoAllowOriginAndIsNotForwarded() {
        String path = "/api/public/agencies/" + UUID.randomUUID();
        given().header("Origin", EVIL).when().get(path).then().header("Access-Control-Allow-Origin", nullValue());
        assertFalse(FakeServices.reached(path), "a call from a foreign origin reached a service");
    }

    @Test
    void preflightAllowsTheConfiguredOriginToSendABearerToken() {
        given().header("Origin", WEB)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when()
                .options("/api/agency-applications")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(WEB))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"));
    }

    @Test
    void preflightFromAForeignOriginGetsNoAllowOrigin() {
        given().header("Origin", EVIL)
                .header("Access-Control-Request-Method", "DELETE")
                .header("Access-Control-Request-Headers", "authorization")
                .when()
                .options("/api/me/cameras/x")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aServiceCannotWidenTheCorsPolicy() {
        // The fake answers ".../cors" with "Access-Control-Allow-Origin: *" and credentials allowed.
        String path = "/api/public/agencies/cors";
        given().when()
                .get(path)
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Credentials", nullValue());
        List<String> allowed = given().header("Origin", WEB)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .headers()
                .getValues("Access-Control-Allow-Origin");
        assertEquals(List.of(WEB), allowed);
    }
}

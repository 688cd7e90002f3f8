package org.neighborshare.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Calls through the gateway as a demo user, with a real access token from the real Keycloak. */
public final class Gateway {

    public static final String PASSWORD = "neighbors-demo";
    private static final Map<String, Issued> TOKENS = new ConcurrentHashMap<>();

    /** A token and when to stop using it: realm tokens live 5 minutes, and the whole suite runs longer. */
    private record Issued(String token, Instant renewAfter) {}

    private Gateway() {}

    public static RequestSpecification anonymous() {
        return given().baseUri(RunningSuite.config().gatewayUrl()).contentType(ContentType.JSON);
    }

    public static RequestSpecification as(String username) {
        return anonymous().header("Authorization", "Bearer " + token(username));
    }

    /** A fresh token (e.g. after a role change); cached otherwise, as a browser would keep it. */
    public static String freshToken(String username) {
        TOKENS.remove(username);
        return token(username);
    }

    public static String token(String username) {
        return TOKENS.compute(
                        username,
                        (u, held) -> held != null && Instant.now().isBefore(held.renewAfter()) ? held : issue(u))
                .token();
    }

    private static Issued issue(String username) {
        JsonPath answer = given().baseUri(RunningSuite.config().keycloakUrl())
                .formParam("grant_type", "password")
                .formParam("client_id", "neighbors-demo-cli")
                .formParam("username", username)
                .formParam("password", PASSWORD)
                .post("/realms/neighbors/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // Renewed a minute before it expires, so no test is handed a token that dies in its hands.
        return new Issued(
                answer.getString("access_token"), Instant.now().plusSeconds(answer.getLong("expires_in") - 60));
    }
}

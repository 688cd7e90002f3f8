package org.neighborshare.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Calls through the gateway as a demo user, with a real access token from the real Keycloak. */
public final class Gateway {

    public static final String PASSWORD = "neighbors-demo";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Gateway() {
    }

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
        return TOKENS.computeIfAbsent(username, u -> given()
                .baseUri(RunningSuite.config().keycloakUrl())
                .formParam("grant_type", "password")
                .formParam("client_id", "neighbors-demo-cli")
                .formParam("username", u)
                .formParam("password", PASSWORD)
                .post("/realms/neighbors/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token"));
    }
}

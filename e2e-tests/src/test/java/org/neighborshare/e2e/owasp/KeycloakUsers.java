package org.neighborshare.e2e.owasp;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.neighborshare.e2e.Gateway;
import org.neighborshare.e2e.RunningSuite;
import org.neighborshare.launcher.Keycloak;

/**
 * Dedicated users for the security suite, so that what it does to users (rate limits, roles, shares) never
 * touches the demo users other end-to-end tests rely on. Created through Keycloak's admin API with the suite's
 * local-demo bootstrap admin, as self-registration would create them: the role owner, the demo password, and an
 * e-mail that is verified or not.
 */
public final class KeycloakUsers {

    private KeycloakUsers() {}

    /** The user's id; creates the user on first call (idempotent within a suite). */
    public static synchronized String ensure(String username, String email, boolean emailVerified) {
        String admin = adminToken();
        String existing = find(admin, username);
        if (existing != null) {
            return existing;
        }
        String body = """
                {"username":"%s","email":"%s","emailVerified":%s,"enabled":true,
                 "firstName":"Owasp","lastName":"%s",
                 "credentials":[{"type":"password","value":"%s","temporary":false}]}""".formatted(username, email, emailVerified, username.replace('.', '-'), Gateway.PASSWORD);
        given().baseUri(RunningSuite.config().keycloakUrl())
                .header("Authorization", "Bearer " + admin)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/admin/realms/neighbors/users")
                .then()
                .statusCode(201);
        String id = find(admin, username);
        if (id == null) {
            throw new IllegalStateException("user " + username + " was created but cannot be found");
        }
        // docs/rules.md: signing up makes a resident an owner, through the realm's default role. Checked, not
        // granted here: a realm file whose default role lost its composites would otherwise go unnoticed.
        List<String> effective = given().baseUri(RunningSuite.config().keycloakUrl())
                .header("Authorization", "Bearer " + admin)
                .get("/admin/realms/neighbors/users/" + id + "/role-mappings/realm/composite")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("name", String.class);
        if (!effective.contains("owner")) {
            throw new IllegalStateException("a new user does not get the owner role by default: " + effective);
        }
        return id;
    }

    private static String find(String admin, String username) {
        List<String> ids = given().baseUri(RunningSuite.config().keycloakUrl())
                .header("Authorization", "Bearer " + admin)
                .queryParam("username", username)
                .queryParam("exact", true)
                .get("/admin/realms/neighbors/users")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id", String.class);
        return ids == null || ids.isEmpty() ? null : ids.get(0);
    }

    /** As platform staff would in Keycloak's admin console: adds the realm role {@code role} to the user. */
    public static void grantRealmRole(String userId, String role) {
        String admin = adminToken();
        Map<String, Object> representation = given().baseUri(
                        RunningSuite.config().keycloakUrl())
                .header("Authorization", "Bearer " + admin)
                .get("/admin/realms/neighbors/roles/" + role)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        given().baseUri(RunningSuite.config().keycloakUrl())
                .header("Authorization", "Bearer " + admin)
                .contentType(ContentType.JSON)
                .body(List.of(representation))
                .post("/admin/realms/neighbors/users/" + userId + "/role-mappings/realm")
                .then()
                .statusCode(204);
    }

    /** An access token of the Keycloak administrator (the local-demo bootstrap admin), from the master realm. */
    public static String adminToken() {
        return given().baseUri(RunningSuite.config().keycloakUrl())
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", Keycloak.ADMIN_USERNAME)
                .formParam("password", Keycloak.ADMIN_PASSWORD)
                .post("/realms/master/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}

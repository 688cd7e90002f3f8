package org.neighborshare.e2e.owasp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neighborshare.e2e.DemoData;
import org.neighborshare.e2e.Gateway;
import org.neighborshare.e2e.RunningSuite;
import org.neighborshare.testsupport.TestTokens;

/**
 * OWASP API2:2023 Broken Authentication, against the real Keycloak: only access tokens that the realm signed for
 * an allowed client, presented as a Bearer header, authenticate; e-mail addresses nobody verified prove nothing.
 */
@ExtendWith(RunningSuite.class)
class Api2BrokenAuthenticationIT {

    static final String OWNER_ROUTE = "/api/me/inbox";
    static final String REVIEWER_ROUTE = "/api/vetting/queue";

    @Test
    void missingOrMisplacedCredentialsAre401ProblemsWithABearerChallenge() {
        String alice = Gateway.token(DemoData.ALICE);
        Gateway.as(DemoData.ALICE).get(OWNER_ROUTE).then().statusCode(200);
        String basic = Base64.getEncoder()
                .encodeToString((DemoData.ALICE + ":" + Gateway.PASSWORD).getBytes(StandardCharsets.UTF_8));
        List<Response> refused = List.of(
                Gateway.anonymous().get(OWNER_ROUTE),
                Gateway.anonymous().header("Authorization", "Bearer").get(OWNER_ROUTE),
                Gateway.anonymous()
                        .header("Authorization", "Bearer not-a-token")
                        .get(OWNER_ROUTE),
                Gateway.anonymous().header("Authorization", "Basic " + basic).get(OWNER_ROUTE),
                Gateway.anonymous().header("Authorization", alice).get(OWNER_ROUTE),
                Gateway.anonymous().queryParam("access_token", alice).get(OWNER_ROUTE),
                Gateway.anonymous()
                        .cookie("access_token", alice)
                        .cookie("q_session", alice)
                        .get(OWNER_ROUTE),
                Gateway.anonymous()
                        .formParam("access_token", alice)
                        .contentType("application/x-www-form-urlencoded")
                        .put("/api/me/settings"));
        for (Response r : refused) {
            Problems.assertProblem(r, 401);
            String challenge = r.header("WWW-Authenticate");
            assertNotNull(challenge, "401 without a challenge: " + r.asString());
            assertTrue(challenge.startsWith("Bearer"), challenge);
        }
    }

    @Test
    void realmTokensNotMeantForTheApiAreRefused() {
        String kc = RunningSuite.config().keycloakUrl();
        JsonPath grant = given().baseUri(kc)
                .formParam("grant_type", "password")
                .formParam("client_id", "neighbors-demo-cli")
                .formParam("username", DemoData.REVIEWER_1)
                .formParam("password", Gateway.PASSWORD)
                .formParam("scope", "openid")
                .post("/realms/neighbors/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        // The access token of that grant is the one that works…
        bearer(grant.getString("access_token")).get(REVIEWER_ROUTE).then().statusCode(200);
        // …not its refresh token or ID token,
        Problems.assertProblem(bearer(grant.getString("refresh_token")).get(REVIEWER_ROUTE), 401);
        Problems.assertProblem(bearer(grant.getString("id_token")).get(REVIEWER_ROUTE), 401);
        // nor a valid realm access token issued to a client outside the gateway's allow-list (Keycloak's built-in
        // admin-cli, which every realm has),
        String adminCli = given().baseUri(kc)
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", DemoData.REVIEWER_1)
                .formParam("password", Gateway.PASSWORD)
                .post("/realms/neighbors/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        assertEquals("admin-cli", claims(adminCli).getString("azp"));
        Problems.assertProblem(bearer(adminCli).get(REVIEWER_ROUTE), 401);
        // nor even the Keycloak administrator's token, from another realm.
        String master = KeycloakUsers.adminToken();
        Problems.assertProblem(bearer(master).get(REVIEWER_ROUTE), 401);
        Problems.assertProblem(bearer(master).get(OWNER_ROUTE), 401);
    }

    @Test
    void forgedAndTamperedTokensAreRefused() throws Exception {
        String alice = Gateway.token(DemoData.ALICE);
        String reviewer = Gateway.token(DemoData.REVIEWER_1);
        String[] a = alice.split("\\.");
        String[] r = reviewer.split("\\.");
        // A payload that claims the reviewer role for alice, with the realm's header.
        String elevated = new String(Base64.getUrlDecoder().decode(a[1]), StandardCharsets.UTF_8)
                .replace("\"realm_access\":{\"roles\":[", "\"realm_access\":{\"roles\":[\"reviewer\",");
        assertTrue(elevated.contains("\"reviewer\""), "could not build the elevated payload from " + elevated);
        String elevatedB64 = b64(elevated);
        KeyPair attacker = KeyPairGenerator.getInstance("RSA").generateKeyPair();

        Map<String, String> forgeries = Map.of(
                "payload swapped, signature kept", a[0] + "." + elevatedB64 + "." + a[2],
                "alice's payload under the reviewer's signature", r[0] + "." + a[1] + "." + r[2],
                "signature stripped", a[0] + "." + elevatedB64 + ".",
                "alg none", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + elevatedB64 + ".",
                "signed by an attacker under the realm's kid", sign(a[0], elevatedB64, attacker.getPrivate()),
                "signed by an attacker with its own key embedded",
                        sign(
                                b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"jwk\":{\"kty\":\"RSA\",\"n\":\""
                                        + b64(((java.security.interfaces.RSAPublicKey) attacker.getPublic())
                                                .getModulus()
                                                .toByteArray())
                                        + "\",\"e\":\"AQAB\"}}"),
                                elevatedB64,
                                attacker.getPrivate()),
                "a gateway-style internal token",
                        TestTokens.forService("agency-service").role("reviewer").mint());
        Gateway.anonymous()
                .header("Authorization", "Bearer " + reviewer)
                .get(REVIEWER_ROUTE)
                .then()
                .statusCode(200);
        for (Map.Entry<String, String> f : forgeries.entrySet()) {
            Response response = bearer(f.getValue()).get(REVIEWER_ROUTE);
            assertEquals(401, response.statusCode(), f.getKey() + " was accepted: " + response.asString());
            Problems.assertProblem(response, 401);
            // The reason stays in the gateway's log: the answer does not coach the forger.
            assertEquals(
                    Problems.assertProblem(bearer("x.y.z").get(REVIEWER_ROUTE), 401)
                            .getString("detail"),
                    response.jsonPath().getString("detail"),
                    f.getKey());
        }
    }

    @Test
    void anEmailNobodyVerifiedProvesNothing() {
        World w = World.get();
        // Someone self-registers with the address a colleague of agency B will have (the realm does not make
        // users verify their e-mail), hoping B's admin adds "that colleague" by e-mail.
        String squatterEmail = "new.detective@" + World.B_DOMAIN;
        KeycloakUsers.ensure("owasp.squatter", squatterEmail, false);
        Response add = Gateway.as(w.adminB)
                .body("{\"email\":\"" + squatterEmail + "\",\"role\":\"investigator\"}")
                .post("/api/agencies/" + w.agencyB + "/members");
        Problems.assertProblem(add, 422);
        assertEquals("email", add.jsonPath().getString("errors[0].field"));
        Gateway.as(w.adminB)
                .get("/api/agencies/" + w.agencyB + "/members")
                .then()
                .statusCode(200)
                .body("email", not(hasItem(squatterEmail)));
        assertFalse(
                Api1BrokenObjectLevelAuthorizationIT.groups(Gateway.freshToken("owasp.squatter")).stream()
                        .anyMatch(g -> g.contains(w.agencyB)),
                "the squatter got a role in agency B");
        Gateway.as("owasp.squatter")
                .get("/api/agencies/" + w.agencyB + "/requests")
                .then()
                .statusCode(403);

        // Nor does an unverified address on an agency's domain pass the automatic OFFICIAL_DOMAIN check.
        String domain = "squat-" + w.tag + "-pd.example";
        KeycloakUsers.ensure("owasp.squat.chief", "chief@" + domain, false);
        String id = Gateway.as("owasp.squat.chief")
                .body(Enrolment.application("Squat PD", "POLICE", domain, "https://www." + domain, World.B_POLYGON))
                .post("/api/agency-applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        try {
            Gateway.as(DemoData.REVIEWER_1)
                    .get("/api/vetting/" + id)
                    .then()
                    .statusCode(200)
                    .body("checks.item", not(hasItem("OFFICIAL_DOMAIN")));
            Gateway.as(DemoData.REVIEWER_1)
                    .body("{\"note\":\"boundary ok\"}")
                    .post("/api/vetting/" + id + "/checks/JURISDICTION")
                    .then()
                    .statusCode(200);
            Gateway.as(DemoData.REVIEWER_1)
                    .body("{\"note\":\"official ok\"}")
                    .post("/api/vetting/" + id + "/checks/AUTHORIZING_OFFICIAL")
                    .then()
                    .statusCode(200);
            String detail = Problems.assertProblem(
                            Gateway.as(DemoData.REVIEWER_2)
                                    .body("{\"decision\":\"APPROVE\",\"reason\":\"looks fine\"}")
                                    .post("/api/vetting/" + id + "/decision"),
                            409)
                    .getString("detail");
            assertTrue(detail.contains("OFFICIAL_DOMAIN"), detail);
        } finally {
            Gateway.as(DemoData.REVIEWER_2)
                    .body("{\"decision\":\"REJECT\",\"reason\":\"applicant e-mail not verified\"}")
                    .post("/api/vetting/" + id + "/decision")
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("REJECTED"));
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static io.restassured.specification.RequestSpecification bearer(String token) {
        return Gateway.anonymous().header("Authorization", "Bearer " + token);
    }

    static JsonPath claims(String token) {
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    static String b64(String s) {
        return b64(s.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sign(String header, String payload, PrivateKey key) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + b64(s.sign());
    }
}

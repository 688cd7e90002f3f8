package org.neighborshare.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.util.KeyUtils;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.neighborshare.gateway.support.FakeServices;
import org.neighborshare.gateway.support.ForgedTokens;
import org.neighborshare.gateway.support.KeycloakTokens;
import org.neighborshare.gateway.support.RawHttp;

/**
 * Attacks on the bearer token of a protected route (owner's inbox). Each must end in a 401 problem that never
 * reaches a service; a control call with a genuine token shows the route itself works.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class JwtAttackTest {

    static final String REALM_KID = "test-realm-key";

    private static String freshPath() {
        return "/api/me/inbox/" + UUID.randomUUID();
    }

    private static KeycloakTokens owner() {
        return KeycloakTokens.user().role("owner");
    }

    private static Map<String, Object> header(String alg) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg);
        header.put("typ", "JWT");
        header.put("kid", REALM_KID);
        return header;
    }

    /** The token is refused with a 401 problem and the call reaches no service. */
    private static void assertRejected(String token) {
        String path = freshPath();
        given().header("Authorization", "Bearer " + token)
                .when()
                .get(path)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
        assertFalse(FakeServices.reached(path), "a rejected token reached a service");
    }

    private static void assertAccepted(String token) {
        String path = freshPath();
        given().header("Authorization", "Bearer " + token)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .body("service", equalTo("consent-service"));
        assertTrue(FakeServices.reached(path));
    }

    @Test
    void aGenuineRealmTokenIsAcceptedSoTheRejectionsBelowAreAboutTheTokens() {
        assertAccepted(ForgedTokens.rs256(header("RS256"), owner().claims(), KeycloakTokens.realmKey()));
    }

    @Test
    void algNoneIsRejectedInAnySpelling() {
        for (String alg : List.of("none", "None", "NONE", "nOnE")) {
            assertRejected(ForgedTokens.unsigned(header(alg), owner().claims()));
        }
    }

    @Test
    void hs256KeyedWithTheRealmPublicKeyIsRejected() throws Exception {
        byte[] pem;
        try (InputStream in = getClass().getResourceAsStream("/test-only-keycloak/realm-public-key.pem")) {
            pem = in.readAllBytes();
        }
        byte[] der = KeyUtils.decodePublicKey(new String(pem, StandardCharsets.US_ASCII))
                .getEncoded();
        // The key as published (PEM text, with and without the trailing newline) and as raw DER bytes.
        String pemText = new String(pem, StandardCharsets.US_ASCII);
        for (byte[] secret : List.of(pem, pemText.trim().getBytes(StandardCharsets.US_ASCII), der)) {
            assertRejected(ForgedTokens.hs256(header("HS256"), owner().claims(), secret));
        }
    }

    @Test
    void strippedSignatureIsRejected() {
        String genuine = owner().token();
        assertRejected(genuine.substring(0, genuine.lastIndexOf('.') + 1));
        assertRejected(genuine.substring(0, genuine.lastIndexOf('.')));
    }

    @Test
    void flippedPayloadByteIsRejected() {
        String valid = owner().token();
        assertAccepted(valid); // now remembered as verified: its tampered copies must still be verified afresh
        String[] parts = valid.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        String json = new String(payload, StandardCharsets.UTF_8);
        // Same length, one byte different: a role the caller was never given.
        String tampered =
                json.replace("\"owner\"", "\"owneR\"").replace("default-roles-neighbors", "reviewer-roles-neighb");
        assertTrue(!tampered.equals(json));
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered.getBytes(StandardCharsets.UTF_8));
        assertRejected(parts[0] + "." + body + "." + parts[2]);

        // One bit of the encoded payload flipped.
        char[] chars = parts[1].toCharArray();
        chars[chars.length / 2] = chars[chars.length / 2] == 'A' ? 'B' : 'A';
        assertRejected(parts[0] + "." + new String(chars) + "." + parts[2]);
    }

    @Test
    void unknownKidSignedWithAnUntrustedKeyIsRejected() {
        Map<String, Object> header = header("RS256");
        header.put("kid", "attacker-" + UUID.randomUUID());
        assertRejected(ForgedTokens.rs256(
                header, owner().claims(), ForgedTokens.attackerKey().getPrivate()));
    }

    @Test
    void embeddedJwkHeaderIsNotTrusted() {
        Map<String, Object> header = header("RS256");
        header.remove("kid");
        header.put("jwk", ForgedTokens.attackerJwk());
        assertRejected(ForgedTokens.rs256(
                header, owner().claims(), ForgedTokens.attackerKey().getPrivate()));
        // Also with the realm key's kid, in case a verifier prefers the embedded key when the kid matches.
        header.put("kid", REALM_KID);
        assertRejected(ForgedTokens.rs256(
                header, owner().claims(), ForgedTokens.attackerKey().getPrivate()));
    }

    @Test
    void jkuAndX5uHeadersAreNeverFetched() {
        String fake = ConfigProvider.getConfig().getValue("gateway.services.agency-service.url", String.class);
        String jwksPath = "/jwks-" + UUID.randomUUID();
        Map<String, Object> header = header("RS256");
        header.put("kid", "attacker");
        header.put("jku", fake + jwksPath);
        header.put("x5u", "http://127.0.0.1:1/attacker.pem");
        assertRejected(ForgedTokens.rs256(
                header, owner().claims(), ForgedTokens.attackerKey().getPrivate()));
        Map<String, Object> onlyX5u = header("RS256");
        onlyX5u.put("x5u", "http://127.0.0.1:1/attacker.pem");
        assertRejected(ForgedTokens.rs256(
                onlyX5u, owner().claims(), ForgedTokens.attackerKey().getPrivate()));
        assertFalse(FakeServices.reached(jwksPath), "the gateway fetched a key set named by the token");
    }

    @Test
    void expiredBeyondTheClockSkewIsRejectedButWithinItAccepted() {
        // quarkus.oidc.token.lifespan-grace=10
        assertRejected(owner().expiresIn(-60).token());
        assertRejected(owner().expiresIn(-15).token());
        assertAccepted(owner().expiresIn(-2).token());
    }

    @Test
    void aRememberedTokenIsForgottenWhenItExpires() throws InterruptedException {
        String token = owner().expiresIn(1).token();
        assertAccepted(token);
        assertAccepted(token);
        // Past exp and the 10 s grace: refused, as if it had never been seen.
        Thread.sleep(12_500);
        assertRejected(token);
    }

    @Test
    void notYetValidTokenIsRejected() {
        assertRejected(owner().notBeforeIn(120).token());
        assertAccepted(owner().notBeforeIn(-5).token());
    }

    @Test
    void wrongIssuerIsRejected() {
        assertRejected(owner().issuer("http://localhost:8180/realms/master").token());
        assertRejected(owner().issuer(KeycloakTokens.ISSUER + "/").token());
    }

    @Test
    void tokenIssuedToAClientOutsideTheAllowListIsRejected() {
        assertRejected(owner().azp("evil-client").token());
        assertRejected(owner().azp("admin-cli").token());
        assertRejected(owner().azp(null).token());
        // The realm's own clients, service accounts included, are allowed.
        assertAccepted(owner().azp("neighbors-demo-cli").token());
        assertAccepted(owner().azp("consent-service").token());
    }

    @Test
    void tokenInTheQueryStringInsteadOfTheHeaderIsRejected() {
        String path = freshPath();
        given().queryParam("access_token", owner().token())
                .when()
                .get(path)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().formParam("access_token", owner().token())
                .when()
                .get(path)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        assertFalse(FakeServices.reached(path));
    }

    @Test
    void oversizedAuthorizationHeaderIsRefusedWithoutA500() throws Exception {
        String path = freshPath();
        String huge = "Bearer " + "A".repeat(64 * 1024);
        RawHttp.Response response = RawHttp.get(RestAssured.port, path, "Authorization: " + huge);
        assertEquals(431, response.status(), response.head());
        assertFalse(FakeServices.reached(path));
        // Just below the header limit (16K) the token is read, and refused as a token.
        String big = "Bearer " + "A".repeat(12 * 1024);
        RawHttp.Response below = RawHttp.get(RestAssured.port, path, "Authorization: " + big);
        assertEquals(401, below.status(), below.head());
        assertFalse(FakeServices.reached(path));
    }
}

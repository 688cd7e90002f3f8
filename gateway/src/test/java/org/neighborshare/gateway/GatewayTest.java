package org.neighborshare.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neighborshare.gateway.support.FakeServices;
import org.neighborshare.gateway.support.ForwardedToken;
import org.neighborshare.gateway.support.KeycloakTokens;
import org.neighborshare.gateway.support.RawHttp;
import org.neighborshare.testsupport.TestTokens;

@QuarkusTest
@WithTestResource(FakeServices.class)
class GatewayTest {

    static final String AGENCY_A = "5d1d0a6e-8f4b-4a52-9c55-7a1f3c2b9e01";
    static final String AGENCY_B = "0b7c3f52-1a2d-4e6f-8a9b-2c3d4e5f6a7b";
    static final String PROBLEM_JSON = "application/problem+json";

    // --- forwarding -------------------------------------------------------------------------------------------

    @Test
    void forwardsWithAGatewayTokenForTheTargetServiceAndDropsClientOwnedHeaders() throws Exception {
        KeycloakTokens user =
                KeycloakTokens.user().agencyRole(AGENCY_A, "investigator").group("/staff");
        String clientToken = user.token();

        Response response = given().header("Authorization", "Bearer " + clientToken)
                .header(
                        "X-Internal-Token",
                        TestTokens.forService("request-service").mint())
                .header("X-Agency-Id", AGENCY_B)
                .header("X-Agency-Roles", AGENCY_B + ":agency-admin")
                .header("X-Forwarded-For", "203.0.113.66")
                .header("Forwarded", "for=203.0.113.66")
                .header("X-Request-Id", "client-req-1")
                .when()
                .get("/api/agencies/" + AGENCY_A + "/requests?page=2")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "client-req-1")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .extract()
                .response();

        JsonPath echo = response.jsonPath();
        assertEquals("request-service", echo.getString("service"));
        assertEquals("/api/agencies/" + AGENCY_A + "/requests?page=2", echo.getString("uri"));
        List<String> authorization = echo.getList("headers.authorization");
        assertEquals(1, authorization.size(), "exactly one Authorization header reaches the service");
        assertNotEquals("Bearer " + clientToken, authorization.get(0));

        ForwardedToken forwarded = ForwardedToken.verify(authorization.get(0), "request-service");
        assertEquals("local-demo-1", forwarded.keyId);
        assertEquals(user.subject(), forwarded.claims.getSubject());
        assertEquals(List.of(AGENCY_A + ":investigator"), forwarded.claims.getStringListClaimValue("agency_roles"));
        long lifetime = forwarded.claims.getExpirationTime().getValue()
                - forwarded.claims.getIssuedAt().getValue();
        assertTrue(lifetime <= 30, "internal tokens are short-lived, was " + lifetime + " s");

        assertNull(echo.get("headers.x-internal-token"));
        assertNull(echo.get("headers.x-agency-id"));
        assertNull(echo.get("headers.x-agency-roles"));
        assertNull(echo.get("headers.forwarded"));
        assertEquals(List.of("127.0.0.1"), echo.getList("headers.x-forwarded-for"));
        assertEquals(List.of("client-req-1"), echo.getList("headers.x-request-id"));
    }

    @Test
    void streamsTheRequestBodyToTheService() {
        String body = "{\"caseNumber\":\"2024-0042\",\"description\":\"" + "x".repeat(20_000) + "\"}";
        given().header(
                        "Authorization",
                        KeycloakTokens.user()
                                .agencyRole(AGENCY_A, "investigator")
                                .bearer())
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/agencies/" + AGENCY_A + "/requests")
                .then()
                .statusCode(200)
                .body("method", equalTo("POST"))
                .body("body", equalTo(body));
    }

    @Test
    void streamsAChunkedRequestBodyToTheService() throws Exception {
        // Sent raw: a client library may buffer an InputStream body and send it with a Content-Length instead.
        String path = "/api/me/settings/" + UUID.randomUUID();
        RawHttp.Response response = RawHttp.send(
                RestAssured.port,
                "PUT",
                path,
                300_000,
                "Authorization: " + KeycloakTokens.user().role("owner").bearer(),
                "Content-Type: application/octet-stream");
        assertEquals(200, response.status(), response.head());
        JsonPath echo = new JsonPath(response.body());
        assertEquals("consent-service", echo.getString("service"));
        assertEquals(List.of("chunked"), echo.getList("headers.transfer-encoding"));
        assertEquals(300_000, echo.getString("body").length());
        assertTrue(FakeServices.received(path));
    }

    @Test
    void expectContinueIsAnsweredOnlyAfterThePolicyAndNotPassedOn() throws Exception {
        String path = "/api/me/settings/" + UUID.randomUUID();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(5_000);
            var out = socket.getOutputStream();
            var in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            out.write(("PUT " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                            + "Authorization: "
                            + KeycloakTokens.user().role("owner").bearer() + "\r\n"
                            + "Content-Type: application/octet-stream\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            // The client holds its body back until it hears 100 (a read timeout here fails the test).
            assertEquals("HTTP/1.1 100 Continue", in.readLine());
            assertEquals("", in.readLine());
            out.write("hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            assertEquals("HTTP/1.1 200 OK", in.readLine());
            String rest = in.lines().collect(java.util.stream.Collectors.joining("\n"));
            JsonPath echo = new JsonPath(rest.substring(rest.indexOf('{')));
            assertEquals("hello", echo.getString("body"));
            assertNull(echo.get("headers.expect"), "the upstream is not asked to send a second 100");
        }
        // Refused by the policy: the final answer comes at once, and no 100 invites the body first.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream()
                    .write(("PUT " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                                    + "Content-Length: 5\r\nExpect: 100-continue\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            var in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals("HTTP/1.1 401 Unauthorized", in.readLine());
        }
    }

    @Test
    void clipsOfARequestGoToConsentServiceNotRequestService() {
        String bearer =
                KeycloakTokens.user().agencyRole(AGENCY_A, "investigator").bearer();
        String clips = given().header("Authorization", bearer)
                .when()
                .get("/api/agencies/" + AGENCY_A + "/requests/r-1/clips")
                .then()
                .statusCode(200)
                .body("service", equalTo("consent-service"))
                .extract()
                .jsonPath()
                .getString("headers.authorization[0]");
        ForwardedToken.verify(clips, "consent-service");

        given().header("Authorization", bearer)
                .when()
                .get("/api/agencies/" + AGENCY_A + "/requests/r-1")
                .then()
                .statusCode(200)
                .body("service", equalTo("request-service"));
    }

    @Test
    void replacesAnUnsafeRequestIdAndEchoesTheOneItUsed() {
        Response response = given().header("X-Request-Id", "x".repeat(65))
                .when()
                .get("/api/public/agencies")
                .then()
                .statusCode(200)
                .extract()
                .response();
        String id = response.header("X-Request-Id");
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), id);
        assertEquals(List.of(id), response.jsonPath().getList("headers.x-request-id"));

        given().header("X-Request-Id", "abc def")
                .when()
                .get("/api/public/agencies")
                .then()
                .statusCode(200)
                .header("X-Request-Id", not(equalTo("abc def")));
    }

    // --- public routes ----------------------------------------------------------------------------------------

    @Test
    void publicRoutesNeedNoTokenAndStillCarryAnAnonymousGatewayToken() throws Exception {
        String authorization = given().when()
                .get("/api/public/agencies")
                .then()
                .statusCode(200)
                .body("service", equalTo("agency-service"))
                .extract()
                .jsonPath()
                .getString("headers.authorization[0]");
        ForwardedToken token = ForwardedToken.verify(authorization, "agency-service");
        assertEquals("anonymous", token.subject());
        assertEquals(List.of(), token.claims.getStringListClaimValue("agency_roles"));

        given().when()
                .get("/api/public/requests/q-1")
                .then()
                .statusCode(200)
                .body("service", equalTo("request-service"));
        given().when()
                .get("/api/public/transparency")
                .then()
                .statusCode(200)
                .body("service", equalTo("request-service"));
    }

    @Test
    void publicRoutesIgnoreAnInvalidTokenAndNeverForwardIt() {
        String authorization = given().header("Authorization", "Bearer not.a.token")
                .when()
                .get("/api/public/agencies")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("headers.authorization[0]");
        assertEquals(
                "anonymous",
                ForwardedToken.verify(authorization, "agency-service").subject());
    }

    // --- authentication ---------------------------------------------------------------------------------------

    @Test
    void noTokenIs401Problem() {
        String path = "/api/me/cameras/" + UUID.randomUUID();
        given().header("X-Request-Id", "req-401")
                .when()
                .get(path)
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("X-Request-Id", "req-401")
                .body("status", equalTo(401))
                .body("instance", equalTo(path))
                .body("detail", not(emptyOrNullString()));
        assertFalse(FakeServices.reached(path));
    }

    @Test
    void rejectsExpiredForeignAndMisusedTokens() {
        String path = "/api/me/inbox/" + UUID.randomUUID();
        List<String> rejected = List.of(
                KeycloakTokens.user().role("owner").expiredSecondsAgo(30).token(),
                KeycloakTokens.user()
                        .role("owner")
                        .issuer("http://localhost:8180/realms/other")
                        .token(),
                // A gateway-style token a client got hold of is not a Keycloak token.
                KeycloakTokens.user()
                        .role("owner")
                        .signedWith(TestTokens.demoKey(1))
                        .token(),
                TestTokens.forService("consent-service").role("owner").mint(),
                // An ID token is not an access token.
                KeycloakTokens.user().role("owner").typ("ID").token(),
                "garbage");
        for (String token : rejected) {
            given().header("Authorization", "Bearer " + token)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(401)
                    .contentType(PROBLEM_JSON)
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("status", equalTo(401));
        }
        assertFalse(FakeServices.reached(path));
        // The same path with a good token is forwarded, so the rejections above were about the tokens.
        given().header("Authorization", KeycloakTokens.user().role("owner").bearer())
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .body("service", equalTo("consent-service"));
        assertTrue(FakeServices.reached(path), "the fake services' record of what reached them works");
    }

    // --- authorisation ----------------------------------------------------------------------------------------

    @Test
    void missingRealmRoleIs403ProblemNamingTheRole() {
        String path = "/api/vetting/queue-" + UUID.randomUUID();
        given().header("Authorization", KeycloakTokens.user().role("owner").bearer())
                .when()
                .get(path)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(403))
                .body("detail", containsString("reviewer"))
                .body("instance", equalTo(path));
        assertFalse(FakeServices.reached(path));

        String authorization = given().header(
                        "Authorization", KeycloakTokens.user().role("reviewer").bearer())
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .body("service", equalTo("agency-service"))
                .extract()
                .jsonPath()
                .getString("headers.authorization[0]");
        assertTrue(ForwardedToken.verify(authorization, "agency-service")
                .claims
                .getClaimValue("groups")
                .toString()
                .contains("reviewer"));
    }

    @Test
    void anAgencyRoleInAgencyAGrantsNothingInAgencyB() {
        String bearer = KeycloakTokens.user()
                .agencyRole(AGENCY_A, "investigator")
                .agencyRole(AGENCY_A, "agency-admin")
                .bearer();
        String pathB = "/api/agencies/" + AGENCY_B + "/requests";
        given().header("Authorization", bearer)
                .when()
                .get(pathB)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString(AGENCY_B))
                .body("detail", containsString("investigator"));
        given().header("Authorization", bearer)
                .when()
                .get("/api/agencies/" + AGENCY_B + "/members")
                .then()
                .statusCode(403)
                .body("detail", containsString("agency-admin"));
        assertFalse(FakeServices.reached(pathB));

        given().header("Authorization", bearer)
                .when()
                .get("/api/agencies/" + AGENCY_A + "/members")
                .then()
                .statusCode(200)
                .body("service", equalTo("agency-service"));
    }

    @Test
    void membersOfANonApprovedAgencyAreRefusedWhateverTheirToken() {
        String suspended = "7e3f9a10-2b4c-4d5e-8f60-718293a4b5c6";
        String path = "/api/agencies/" + suspended + "/requests";
        FakeServices.SUSPENDED_AGENCIES.add(suspended);
        given().header(
                        "Authorization",
                        KeycloakTokens.user()
                                .agencyRole(suspended, "investigator")
                                .bearer())
                .when()
                .get(path)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("SUSPENDED"))
                .body("detail", containsString("under investigation"));
        assertFalse(FakeServices.reached(path));
        // Reviewers' decisions on that agency are not member routes and still pass.
        given().header("Authorization", KeycloakTokens.user().role("reviewer").bearer())
                .when()
                .post("/api/agencies/" + suspended + "/reinstate")
                .then()
                .statusCode(200)
                .body("service", equalTo("agency-service"));
    }

    @Test
    void aReviewerHoldsNoAgencyPowerWhateverGroupsTheTokenLists() {
        // An agency that enlisted a reviewer (or a member later made reviewer) gains nothing from it.
        String agency = "3c1d5e7f-9a2b-4c6d-8e0f-1a2b3c4d5e6f";
        String bearer = KeycloakTokens.user()
                .role("reviewer")
                .agencyRole(agency, "investigator")
                .agencyRole(agency, "agency-admin")
                .bearer();
        String requests = "/api/agencies/" + agency + "/requests";
        given().header("Authorization", bearer)
                .when()
                .get(requests)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("reviewer"));
        given().header("Authorization", bearer)
                .when()
                .get("/api/agencies/" + agency + "/members")
                .then()
                .statusCode(403);
        assertFalse(FakeServices.reached(requests));
        // The platform's own powers over that agency stay.
        given().header("Authorization", bearer)
                .when()
                .post("/api/agencies/" + agency + "/suspend")
                .then()
                .statusCode(200)
                .body("service", equalTo("agency-service"));
    }

    @Test
    void anAgencyIdThatIsNoUuidIs400NamingItBeforeAnyRoleCheck() {
        for (String id : new String[] {"not-a-uuid", "1-1-1-1-1", AGENCY_A + "x"}) {
            String path = "/api/agencies/" + id + "/requests";
            given().header(
                            "Authorization",
                            KeycloakTokens.user().agencyRole(id, "investigator").bearer())
                    .when()
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("errors[0].field", equalTo("agencyId"))
                    .body("errors[0].message", equalTo("must be a UUID"));
            assertFalse(FakeServices.reached(path));
        }
    }

    @Test
    void anAgencyRoleDoesNotStandInForAnotherRoleOfTheSameAgency() {
        given().header(
                        "Authorization",
                        KeycloakTokens.user()
                                .agencyRole(AGENCY_A, "agency-admin")
                                .bearer())
                .when()
                .get("/api/agencies/" + AGENCY_A + "/requests")
                .then()
                .statusCode(403)
                .body("detail", containsString("investigator"));
        // A realm role named like an agency role is not an agency role.
        given().header(
                        "Authorization",
                        KeycloakTokens.user().role("investigator").bearer())
                .when()
                .get("/api/agencies/" + AGENCY_A + "/requests")
                .then()
                .statusCode(403);
    }

    @Test
    void serviceAccountsReachOnlyTheirFeeds() {
        given().header(
                        "Authorization",
                        KeycloakTokens.user().role("feed-reader").bearer())
                .when()
                .get("/api/feed/request-events")
                .then()
                .statusCode(200)
                .body("service", equalTo("request-service"));
        given().header(
                        "Authorization",
                        KeycloakTokens.user().role("feed-reader").bearer())
                .when()
                .get("/api/directory/agencies/" + AGENCY_A)
                .then()
                .statusCode(403)
                .body("detail", containsString("agency-directory"));
    }

    // --- default deny -----------------------------------------------------------------------------------------

    @Test
    void unknownRoutesAre404Problems() {
        given().header("Authorization", KeycloakTokens.user().role("reviewer").bearer())
                .when()
                .get("/api/nothing-here")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(404));
        given().when().get("/api/q/health").then().statusCode(404).contentType(PROBLEM_JSON);
        given().when().get("/somewhere-else").then().statusCode(404).contentType(PROBLEM_JSON);
        assertFalse(FakeServices.reached("/api/nothing-here"));
        assertFalse(FakeServices.reached("/api/q/health"));
    }

    @Test
    void wrongMethodIs405ProblemWithAllow() {
        given().when()
                .delete("/api/public/agencies")
                .then()
                .statusCode(405)
                .contentType(PROBLEM_JSON)
                .header("Allow", "GET")
                .body("status", equalTo(405));
    }

    @Test
    void pathTricksNeverReachAServiceOrItsManagementEndpoints() throws Exception {
        int port = RestAssured.port;
        for (String target : List.of(
                "/api/public/agencies/..%2F..%2F..%2Fq%2Fhealth",
                "/api/public/agencies/%2e%2e/%2e%2e/%2e%2e/q/openapi",
                "/api/public/agencies/x;/../../../q/health",
                "/api/public/agencies/..\\..\\..\\q\\health",
                "/api/public/agencies/%252e%252e/q/health")) {
            RawHttp.Response response = RawHttp.get(port, target);
            assertTrue(response.status() == 404 || response.status() == 400, target + " -> " + response.status());
            assertFalse(response.body().contains("\"service\""), target + " was forwarded: " + response.body());
        }
        assertFalse(FakeServices.reached("/q/health"));
        assertFalse(FakeServices.reached("/q/openapi"));

        // Dot segments are resolved before the policy: this is /api/me/cameras, not a public path.
        RawHttp.Response sneaky = RawHttp.get(port, "/api/public/agencies/../../me/cameras");
        assertEquals(401, sneaky.status(), sneaky.head());
    }

    // --- upstream failures ------------------------------------------------------------------------------------

    @Test
    void upstreamProblemsPassThroughUnchanged() {
        String body = given().when()
                .get("/api/public/requests/problem")
                .then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .header("X-Request-Id", not(emptyOrNullString()))
                .extract()
                .asString();
        assertEquals(FakeServices.UPSTREAM_PROBLEM, body);
    }

    @Test
    void slowUpstreamIs504ProblemAfterTheTimeout() {
        long start = System.nanoTime();
        given().when()
                .get("/api/public/requests/slow")
                .then()
                .statusCode(504)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(504))
                .body("detail", containsString("request-service"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 1_900 && millis < 3_800, "504 after " + millis + " ms (timeout is 2 s in %test)");
    }

    @Test
    void upstreamThatDropsTheConnectionIs502Problem() {
        given().when()
                .get("/api/public/agencies/close")
                .then()
                .statusCode(502)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(502))
                .body("detail", not(containsString("Exception")));
    }

    @TestHTTPResource(value = "/health/live", management = true)
    java.net.URL managementLiveness;

    @Test
    void gatewayHealthIsServedByTheGatewayItselfOnItsManagementPort() {
        given().when().get(managementLiveness).then().statusCode(200).body("status", equalTo("UP"));
    }
}

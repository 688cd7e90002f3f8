package org.neighborshare.e2e.owasp;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neighborshare.e2e.DemoData;
import org.neighborshare.e2e.Gateway;
import org.neighborshare.e2e.RunningSuite;
import org.neighborshare.testsupport.TestTokens;

/**
 * OWASP API10:2023 Unsafe Consumption of APIs. The services consume the gateway's word (its headers and minted
 * token), the gateway consumes the services' answers and agency-service's verdict on agencies, request-service
 * consumes agency-service's directory. None of them may take a client's imitation of those for the real thing,
 * pass on what a service says about its internal address, or read a missing answer as a yes.
 */
@ExtendWith(RunningSuite.class)
class Api10UnsafeConsumptionOfApisIT {

    /** Header names a service (or a framework in it) might be tempted to trust as the caller's identity. */
    static final List<String> IDENTITY_HEADERS = List.of(
            "X-Internal-Token",
            "X-Internal-Authorization",
            "X-Gateway-Token",
            "X-Access-Token",
            "X-Auth-Token",
            "X-Forwarded-Authorization",
            "X-Forwarded-Access-Token",
            "Proxy-Authorization",
            "X-Amzn-Oidc-Accesstoken",
            "X-Id-Token",
            "X-Jwt-Assertion");

    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    static World w;

    @BeforeAll
    static void world() {
        w = World.get();
    }

    @Test
    void servicesTakeTheCallerOnlyFromTheGatewaysTokenNeverFromAClientsHeader() {
        // Correctly signed internal tokens (the local-demo key) for owner B and for B's investigator: a service that
        // read any of these headers would accept them.
        String ownerB = TestTokens.forService("consent-service")
                .user(w.ownerBId, w.ownerB)
                .role("owner")
                .mint();
        String investigatorB = TestTokens.forService("request-service")
                .user(w.investigatorBId, w.investigatorB)
                .agencyRole(w.agencyA, "investigator")
                .agencyRole(w.agencyB, "investigator")
                .role("reviewer")
                .mint();
        RequestSpecification asA = Gateway.as(w.ownerA);
        RequestSpecification asInvestigatorA = Gateway.as(w.investigatorA);
        for (String h : IDENTITY_HEADERS) {
            asA = asA.header(h, "Bearer " + ownerB);
            asInvestigatorA = asInvestigatorA.header(h, "Bearer " + investigatorB);
        }
        asA = asA.cookie("Bearer", ownerB)
                .cookie("access_token", ownerB)
                .header("X-User-Id", w.ownerBId)
                .header("X-Forwarded-User", w.ownerB)
                .header("X-Remote-User", w.ownerB)
                .header("X-Auth-Request-User", w.ownerB)
                .header("X-Agency-Id", w.agencyB)
                .header("X-Agency-Roles", w.agencyB + ":investigator");
        asInvestigatorA = asInvestigatorA
                .header("X-Agency-Id", w.agencyB)
                .header("X-Agency-Roles", w.agencyB + ":investigator")
                .header("X-User-Id", w.investigatorBId)
                .header("X-Roles", "reviewer");

        // Owner A still sees owner A's inbox, not owner B's.
        Response inbox = asA.get("/api/me/inbox");
        inbox.then().statusCode(200).body("requestId", hasItem(w.requestA)).body("requestId", not(hasItem(w.requestB)));
        // Investigator A is still only A's investigator: B's request under A is still missing, and no reviewer.
        Problems.assertProblem(asInvestigatorA.get("/api/agencies/" + w.agencyA + "/requests/" + w.requestB), 404);
        Problems.assertProblem(asInvestigatorA.get("/api/agencies/" + w.agencyB + "/requests"), 403);
        Problems.assertProblem(asInvestigatorA.get("/api/moderation/requests"), 403);

        // Two Authorization headers: the client's own token is the only identity the gateway reads, and what reaches
        // the service is the gateway's token, never the second header.
        String forgedReviewer =
                TestTokens.forService("agency-service").role("reviewer").mint();
        Response first = Gateway.anonymous()
                .header("Authorization", "Bearer " + Gateway.token(w.ownerA))
                .header("Authorization", "Bearer " + forgedReviewer)
                .get("/api/vetting/queue");
        Problems.assertProblem(first, 403);
        Response second = Gateway.anonymous()
                .header("Authorization", "Bearer " + forgedReviewer)
                .header("Authorization", "Bearer " + Gateway.token(w.ownerA))
                .get("/api/vetting/queue");
        Problems.assertProblem(second, 401, 403);
    }

    @Test
    void whatAServiceSaysAboutItsOwnAddressDoesNotReachTheClient() {
        int consentPort = RunningSuite.config().port("consent-service");
        Response created = Gateway.as(w.ownerA)
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "gopher")
                .header("Forwarded", "host=evil.example;proto=http")
                .header("Host", "evil.example")
                .body("{\"label\":\"location probe\",\"latitude\":" + World.A_LAT + ",\"longitude\":" + World.A_LON
                        + "}")
                .post("/api/me/cameras");
        assertEquals(201, created.statusCode(), created.asString());
        String id = created.jsonPath().getString("id");
        String location = created.header("Location");
        assertNotNull(location, "201 without Location");
        assertTrue(location.endsWith("/api/me/cameras/" + id), location);
        assertFalse(location.contains(":" + consentPort), "Location names consent-service's own address: " + location);
        assertFalse(
                location.contains("evil.example") || location.startsWith("gopher"),
                "Location follows client headers: " + location);
        Gateway.as(w.ownerA).delete("/api/me/cameras/" + id).then().statusCode(204);

        // The request id: a sane one is carried through, anything else is replaced, never reflected.
        Response traced =
                Gateway.as(w.ownerA).header("X-Request-Id", "trace-" + w.tag).get("/api/me/cameras");
        assertEquals("trace-" + w.tag, traced.header("X-Request-Id"));
        for (String unsafe : List.of("<script>alert(1)</script>", "a".repeat(65), "id with spaces", "x;drop table")) {
            Response r = Gateway.as(w.ownerA).header("X-Request-Id", unsafe).get("/api/me/cameras");
            assertEquals(200, r.statusCode());
            assertTrue(UUID.matcher(r.header("X-Request-Id")).matches(), "kept " + r.header("X-Request-Id"));
        }
        // A service's problem (here consent-service's 404) reaches the client as the problem it is.
        Problems.assertProblem(Gateway.as(w.ownerA).delete("/api/me/cameras/" + java.util.UUID.randomUUID()), 404);
    }

    @Test
    void aMissingVerdictFromTheAgencyDirectoryIsNeverTakenForApproval() {
        int requestsOfA = World.requestCount(w.investigatorA, w.agencyA);
        RunningSuite.suite().stop("agency-service");
        try {
            // Past the gateway's state cache (at most 4 s) and request-service's directory cache (5 s).
            sleep(Duration.ofMillis(5500));
            // The gateway cannot check agency A's state: its members are refused, not waved through.
            Problems.assertProblem(Gateway.as(w.investigatorA).get("/api/agencies/" + w.agencyA + "/requests"), 503);
            Problems.assertProblem(
                    Gateway.as(w.investigatorA)
                            .body(Enrolment.requestBody(
                                    "NODIR-" + w.tag, "directory down", "x@y.example", World.A_LAT, World.A_LON))
                            .post("/api/agencies/" + w.agencyA + "/requests"),
                    503);
            Problems.assertProblem(
                    Gateway.as(w.investigatorB)
                            .get("/api/agencies/" + w.agencyB + "/requests/" + w.requestB + "/clips/" + w.clipB
                                    + "/content"),
                    503);
            // What does not depend on the directory keeps working.
            Gateway.anonymous().get("/api/public/requests").then().statusCode(200);
            Gateway.as(w.ownerA).get("/api/me/inbox").then().statusCode(200);
        } finally {
            Api8SecurityMisconfigurationIT.restart(
                    "agency-service",
                    () -> Gateway.as(w.investigatorA)
                            .get("/api/agencies/" + w.agencyA + "/requests")
                            .statusCode());
        }
        assertEquals(requestsOfA, World.requestCount(w.investigatorA, w.agencyA), "a request was created meanwhile");
        Gateway.as(DemoData.REVIEWER_1).get("/api/vetting/queue").then().statusCode(200);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

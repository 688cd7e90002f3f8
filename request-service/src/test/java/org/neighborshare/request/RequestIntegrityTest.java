package org.neighborshare.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neighborshare.request.Api.anyone;
import static org.neighborshare.request.Api.create;
import static org.neighborshare.request.Api.decide;
import static org.neighborshare.request.Api.feedReader;
import static org.neighborshare.request.Api.investigator;
import static org.neighborshare.request.Api.reviewer;
import static org.neighborshare.request.Api.validBody;
import static org.neighborshare.testsupport.Race.race;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neighborshare.request.service.RequestService;
import org.neighborshare.request.service.RevokedAgencySweep;
import org.neighborshare.testsupport.PostgresResource;
import org.neighborshare.testsupport.TestTokens;

/**
 * The request rules hold against concurrent and adversarial callers (issue 9): limits under racing creates,
 * one winner among racing decisions and closes, no moderation of one's own agency's requests, publication only
 * while the agency is approved now, and a revoked agency's open requests ended.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class RequestIntegrityTest {

    static final int CALLERS = 12;

    final UUID agency = UUID.randomUUID();

    @Inject
    TestAgencies agencies;

    @Inject
    RequestService requests;

    @Inject
    RevokedAgencySweep sweep;

    String state(String id) {
        return given().header("Authorization", investigator(agency))
                .get("/api/agencies/" + agency + "/requests/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("state");
    }

    static Map<Integer, Integer> statuses(List<Response> responses) {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        responses.forEach(r -> byStatus.merge(r.statusCode(), 1, Integer::sum));
        return byStatus;
    }

    static void assertProblems(List<Response> responses, int status) {
        for (Response r : responses) {
            if (r.statusCode() == status) {
                assertTrue(r.contentType().startsWith("application/problem+json"), r.asString());
            }
        }
    }

    /** Events of the feed about one request, by type, read page by page from the start. */
    static List<String> eventTypes(String requestId) {
        String feedReader = feedReader();
        List<String> types = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonPath page = given().header("Authorization", feedReader)
                    .queryParam("after", after)
                    .queryParam("limit", 500)
                    .get("/api/feed/request-events")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> events = page.getList("events");
            for (Map<String, Object> e : events) {
                if (requestId.equals(e.get("requestId"))) {
                    types.add((String) e.get("type"));
                }
            }
            if (events.isEmpty()) {
                return types;
            }
            after = page.getLong("lastSeq");
        }
    }

    @Test
    void racingCreatesForOneCaseStoreNoMoreThanTheLimit() throws Exception {
        String caseNumber = "RACE-" + UUID.randomUUID();
        List<Response> out = race(
                CALLERS,
                i -> given().header("Authorization", investigator(agency))
                        .contentType(ContentType.JSON)
                        .body(validBody(caseNumber))
                        .post("/api/agencies/" + agency + "/requests"));
        // The same status as the sequential rule: 422 naming the field.
        assertEquals(Map.of(201, 2, 422, CALLERS - 2), statuses(out), "statuses");
        out.stream()
                .filter(r -> r.statusCode() == 422)
                .forEach(r -> assertEquals("caseNumber", r.jsonPath().getString("errors[0].field")));
        given().header("Authorization", investigator(agency))
                .get("/api/agencies/" + agency + "/requests")
                .then()
                .statusCode(200)
                .body("size()", equalTo(2));
    }

    @Test
    void aCaseNumberSpelledDifferentlyIsStillTheSameCase() {
        String base = UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        create(agency, "RPD-" + base);
        create(agency, "rpd " + base.toLowerCase(java.util.Locale.ROOT));
        // A non-breaking hyphen, full-width letters, a zero-width space, an underscore: all the same case.
        String fullWidth = "\uFF32\uFF30\uFF24";
        for (String disguised :
                List.of("RPD\u2011" + base, fullWidth + "-" + base, "RPD-\u200B" + base, "R_P_D_" + base)) {
            given().header("Authorization", investigator(agency))
                    .contentType(ContentType.JSON)
                    .body(validBody(disguised))
                    .post("/api/agencies/" + agency + "/requests")
                    .then()
                    .statusCode(422)
                    .body("errors[0].field", equalTo("caseNumber"));
        }
        given().header("Authorization", investigator(agency))
                .contentType(ContentType.JSON)
                .body(validBody(" -- "))
                .post("/api/agencies/" + agency + "/requests")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("caseNumber"));
    }

    @Test
    void racingCreatesStopAtTheDailyQuota() throws Exception {
        // The test profile's quota is 5 (application.properties).
        List<Response> out = race(
                CALLERS,
                i -> given().header("Authorization", investigator(agency))
                        .contentType(ContentType.JSON)
                        .body(validBody("Q-" + i + "-" + UUID.randomUUID()))
                        .post("/api/agencies/" + agency + "/requests"));
        assertEquals(Map.of(201, 5, 429, CALLERS - 5), statuses(out), "statuses");
        assertProblems(out, 429);
        given().header("Authorization", investigator(agency))
                .get("/api/agencies/" + agency + "/requests")
                .then()
                .statusCode(200)
                .body("size()", equalTo(5));
    }

    @Test
    void ofRacingDecisionsExactlyOneWins() throws Exception {
        String id = create(agency, "D-" + UUID.randomUUID());
        List<Response> out = race(CALLERS, i -> decide(reviewer(), id, i % 2 == 0 ? "PUBLISH" : "REJECT"));
        assertEquals(Map.of(200, 1, 409, CALLERS - 1), statuses(out), "statuses");
        assertProblems(out, 409);
        String won = out.stream()
                .filter(r -> r.statusCode() == 200)
                .findFirst()
                .orElseThrow()
                .path("state");
        assertEquals(won, state(id));
        assertEquals(won.equals("PUBLISHED") ? List.of("REQUEST_PUBLISHED") : List.of(), eventTypes(id));
    }

    @Test
    void ofRacingClosesExactlyOneWins() throws Exception {
        String id = create(agency, "C-" + UUID.randomUUID());
        decide(reviewer(), id, "PUBLISH").then().statusCode(200);
        List<Response> out = race(
                CALLERS,
                i -> given().header("Authorization", investigator(agency))
                        .post("/api/agencies/" + agency + "/requests/" + id + "/close"));
        assertEquals(Map.of(200, 1, 409, CALLERS - 1), statuses(out), "statuses");
        assertProblems(out, 409);
        assertEquals("CLOSED", state(id));
        assertEquals(List.of("REQUEST_PUBLISHED", "REQUEST_ENDED"), eventTypes(id));
    }

    @Test
    void noOneModeratesTheirOwnAgencysRequest() {
        String authorId = UUID.randomUUID().toString();
        String id = given().header(
                        "Authorization",
                        TestTokens.forService("request-service")
                                .user(authorId, "det.x")
                                .agencyRole(agency, "investigator")
                                .bearer())
                .contentType(ContentType.JSON)
                .body(validBody("OWN-" + UUID.randomUUID()))
                .post("/api/agencies/" + agency + "/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // The author, even with no role in the agency any more (left it since writing the request).
        String author = TestTokens.forService("request-service")
                .user(authorId, "det.x")
                .role("reviewer")
                .bearer();
        // Any member of the agency, whatever their role there.
        String investigator = TestTokens.forService("request-service")
                .role("reviewer")
                .agencyRole(agency, "investigator")
                .bearer();
        String admin = TestTokens.forService("request-service")
                .role("reviewer")
                .agencyRole(agency, "agency-admin")
                .bearer();
        for (String bearer : List.of(author, investigator, admin)) {
            for (String decision : List.of("PUBLISH", "REJECT")) {
                decide(bearer, id, decision).then().statusCode(403).contentType("application/problem+json");
            }
        }
        assertEquals("PENDING_REVIEW", state(id));

        // A reviewer who belongs to some other agency is independent of this one.
        String outsider = TestTokens.forService("request-service")
                .role("reviewer")
                .agencyRole(UUID.randomUUID(), "investigator")
                .bearer();
        decide(outsider, id, "PUBLISH").then().statusCode(200).body("state", equalTo("PUBLISHED"));
    }

    @Test
    void onlyAnAgencyApprovedNowHasItsRequestsPublished() {
        String id = create(agency, "S-" + UUID.randomUUID());
        // The cached facts still say APPROVED; publishing must ask the directory afresh.
        agencies.change(agency, "SUSPENDED", "complaint under investigation");
        decide(reviewer(), id, "PUBLISH")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("SUSPENDED"));
        sweep.sweep();
        assertEquals("PENDING_REVIEW", state(id), "a suspended agency's requests stay open");

        agencies.change(agency, "EXPIRED", "approval older than 365 days");
        decide(reviewer(), id, "PUBLISH").then().statusCode(409).body("detail", containsString("EXPIRED"));
        // Rejecting needs no approval.
        decide(reviewer(), id, "REJECT").then().statusCode(200).body("state", equalTo("REJECTED"));

        agencies.change(agency, "APPROVED", "reinstated");
        String later = create(agency, "S2-" + UUID.randomUUID());
        decide(reviewer(), later, "PUBLISH").then().statusCode(200);
    }

    @Test
    void revocationEndsTheAgencysOpenRequestsOnceWithTheReason() throws Exception {
        String pending = create(agency, "R-" + UUID.randomUUID());
        String published = create(agency, "R-" + UUID.randomUUID());
        decide(reviewer(), published, "PUBLISH").then().statusCode(200);
        String closed = create(agency, "R-" + UUID.randomUUID());
        decide(reviewer(), closed, "PUBLISH").then().statusCode(200);
        given().header("Authorization", investigator(agency))
                .post("/api/agencies/" + agency + "/requests/" + closed + "/close")
                .then()
                .statusCode(200);

        agencies.change(agency, "REVOKED", "forged warrant");
        // Sweeps racing as on several replicas, and the scheduled one besides: each request ends once.
        race(CALLERS, i -> {
            sweep.sweep();
            return null;
        });

        assertEquals("REJECTED", state(pending));
        assertEquals("CLOSED", state(published));
        for (String id : List.of(pending, published)) {
            given().header("Authorization", investigator(agency))
                    .get("/api/agencies/" + agency + "/requests/" + id)
                    .then()
                    .body("stateReason", equalTo("agency revoked: forged warrant"));
        }
        assertEquals(List.of(), eventTypes(pending));
        assertEquals(List.of("REQUEST_PUBLISHED", "REQUEST_ENDED"), eventTypes(published));
        // Closed before the revocation: left as it was.
        assertEquals(List.of("REQUEST_PUBLISHED", "REQUEST_ENDED"), eventTypes(closed));
        given().header("Authorization", investigator(agency))
                .get("/api/agencies/" + agency + "/requests/" + closed)
                .then()
                .body("stateReason", equalTo("closed by the agency"));
        given().header("Authorization", anyone())
                .get("/api/public/requests?size=100")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + published + "' }.endedReason", equalTo("agency revoked: forged warrant"))
                .body("find { it.id == '" + published + "' }.state", equalTo("CLOSED"));
        assertTrue(!requests.agenciesWithOpenRequests().contains(agency));
    }
}

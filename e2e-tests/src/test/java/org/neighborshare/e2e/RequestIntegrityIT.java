package org.neighborshare.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.neighborshare.testsupport.Race.race;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neighborshare.e2e.owasp.Enrolment;
import org.neighborshare.e2e.owasp.KeycloakUsers;
import org.neighborshare.e2e.owasp.Problems;
import org.neighborshare.e2e.owasp.World;

/**
 * Issue 9, request-service's findings, black-box through the gateway with real Keycloak and PostgreSQL: the
 * per-case and daily limits hold against racing creates (1), of racing decisions or closes on one request exactly
 * one wins and the rest get a 409 problem (2), no one moderates their own agency's request (4), a request is
 * published only while its agency is approved, and a revocation ends its agency's open requests (5).
 *
 * <p>Each scenario uses agencies of its own, enrolled here by chiefs dedicated to this class, so that using up a
 * quota, suspending or revoking touches no other test.
 */
@ExtendWith(RunningSuite.class)
class RequestIntegrityIT {

    static final String TAG = UUID.randomUUID().toString().substring(0, 8);
    static final int QUOTA = 50; // requests.daily-quota-per-agency, the shipped default the suite runs with

    /** An approved agency whose chief is its agency-admin and investigator, around (lat, lon). */
    record Agency(String id, String chief, String chiefEmail, double lat, double lon) {

        String requests() {
            return "/api/agencies/" + id + "/requests";
        }

        String post(String caseNumber) {
            return Enrolment.postRequest(chief, id, body(caseNumber));
        }

        String body(String caseNumber) {
            return Enrolment.requestBody(caseNumber, "Integrity check " + TAG, chiefEmail, lat, lon);
        }
    }

    static Agency main;

    @BeforeAll
    static void enrol() {
        main = agency("main", 42.0, -95.0);
    }

    static Agency agency(String name, double lat, double lon) {
        String domain = "integrity-" + name + "-" + TAG + "-pd.example";
        String chief = "integrity." + name + "." + TAG;
        String email = "chief@" + domain;
        KeycloakUsers.ensure(chief, email, true);
        String polygon = "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}"
                .formatted(
                        lon - 0.05,
                        lat - 0.05,
                        lon + 0.05,
                        lat - 0.05,
                        lon + 0.05,
                        lat + 0.05,
                        lon - 0.05,
                        lat + 0.05,
                        lon - 0.05,
                        lat - 0.05);
        String id =
                Enrolment.approvedAgency(chief, "Integrity " + name + " Police Department", "POLICE", domain, polygon);
        Enrolment.addMember(chief, id, email, "investigator");
        Gateway.freshToken(chief);
        return new Agency(id, chief, email, lat, lon);
    }

    // --- Finding 1: limits under concurrency ---------------------------------------------------------------------

    @Test
    void racingCreatesForOneCaseStoreAtMostTwo() throws Exception {
        String caseNumber = "RACE-" + TAG;
        List<Response> out = race(
                10, i -> Gateway.as(main.chief()).body(main.body(caseNumber)).post(main.requests()));
        // The status of the sequential rule: 422 naming the case number.
        assertEquals(Map.of(201, 2, 422, 8), statuses(out), "statuses");
        out.stream()
                .filter(r -> r.statusCode() == 422)
                .forEach(r -> assertEquals(
                        "caseNumber", Problems.assertProblem(r, 422).getString("errors[0].field")));
        List<String> stored = Gateway.as(main.chief())
                .queryParam("size", 100)
                .get(main.requests())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("caseNumber", String.class);
        assertEquals(2, stored.stream().filter(caseNumber::equals).count(), "stored for the case: " + stored);
    }

    @Test
    void racingCreatesOfOneAgencyStopAtTheDailyQuota() throws Exception {
        // An agency of its own: its whole quota is used up here.
        Agency flooded = agency("quota", 41.0, -95.0);
        int callers = QUOTA + 10;
        List<Response> out = race(
                callers,
                i -> Gateway.as(flooded.chief())
                        .body(flooded.body("FLOOD-" + TAG + "-" + i))
                        .post(flooded.requests()));
        assertEquals(Map.of(201, QUOTA, 429, callers - QUOTA), statuses(out), "statuses");
        out.stream().filter(r -> r.statusCode() == 429).forEach(r -> Problems.assertProblem(r, 429));
        assertEquals(QUOTA, World.requestCount(flooded.chief(), flooded.id()));
    }

    // --- Finding 2: racing state changes on one request ------------------------------------------------------------

    @Test
    void ofRacingModerationDecisionsExactlyOneWins() throws Exception {
        String id = main.post("DECIDE-" + TAG);
        List<Response> out = race(
                10,
                i -> Gateway.as(i % 2 == 0 ? DemoData.REVIEWER_1 : DemoData.REVIEWER_2)
                        .body("{\"decision\":\"" + (i % 4 < 2 ? "PUBLISH" : "REJECT") + "\",\"reason\":\"checked " + i
                                + "\"}")
                        .post("/api/moderation/requests/" + id + "/decision"));
        assertEquals(Map.of(200, 1, 409, 9), statuses(out), "statuses");
        out.stream().filter(r -> r.statusCode() == 409).forEach(r -> Problems.assertProblem(r, 409));
        String won = out.stream()
                .filter(r -> r.statusCode() == 200)
                .findFirst()
                .orElseThrow()
                .path("state");
        assertEquals(won, stateOf(main, id));
    }

    @Test
    void ofRacingClosesExactlyOneWins() throws Exception {
        String id = main.post("CLOSE-" + TAG);
        Enrolment.publish(id);
        List<Response> out = race(10, i -> Gateway.as(main.chief()).post(main.requests() + "/" + id + "/close"));
        assertEquals(Map.of(200, 1, 409, 9), statuses(out), "statuses");
        out.stream().filter(r -> r.statusCode() == 409).forEach(r -> Problems.assertProblem(r, 409));
        assertEquals("CLOSED", stateOf(main, id));
    }

    // --- Finding 4: no one moderates their own agency's request ----------------------------------------------------

    /**
     * A reviewer who is also an investigator of the agency can moderate neither a colleague's request nor their
     * own, and still not their own once they have left the agency. Once reviewers can no longer be made agency
     * members (finding 3), the agency-admin's attempt is refused and that refusal is what this test sees; the
     * request-service rule is then defence in depth, proven by RequestIntegrityTest with minted tokens.
     */
    @Test
    void noOneModeratesTheirOwnAgencysRequest() {
        String colleagues = main.post("OWN-" + TAG);
        Response added = Gateway.as(main.chief())
                .body("{\"email\":\"rivera@neighborshare.example\",\"role\":\"investigator\"}")
                .post("/api/agencies/" + main.id() + "/members");
        if (added.statusCode() != 201) {
            Problems.assertProblem(added, 403, 409, 422);
            publishedBy(DemoData.REVIEWER_2, colleagues);
            return;
        }
        String riveraId = World.subject(Gateway.freshToken(DemoData.REVIEWER_1));
        boolean member = true;
        try {
            String own = Enrolment.postRequest(DemoData.REVIEWER_1, main.id(), main.body("OWN2-" + TAG));
            for (String id : List.of(colleagues, own)) {
                for (String decision : List.of("PUBLISH", "REJECT")) {
                    Problems.assertProblem(decide(DemoData.REVIEWER_1, id, decision), 403);
                }
            }
            // Removed from the agency, with a token that says so: still the author.
            Gateway.as(main.chief())
                    .delete("/api/agencies/" + main.id() + "/members/" + riveraId)
                    .then()
                    .statusCode(204);
            member = false;
            Gateway.freshToken(DemoData.REVIEWER_1);
            Problems.assertProblem(decide(DemoData.REVIEWER_1, own, "PUBLISH"), 403);
            assertEquals("PENDING_REVIEW", stateOf(main, own));
            // An independent reviewer may.
            publishedBy(DemoData.REVIEWER_2, own);
            publishedBy(DemoData.REVIEWER_1, colleagues);
        } finally {
            if (member) {
                Gateway.as(main.chief()).delete("/api/agencies/" + main.id() + "/members/" + riveraId);
            }
            Gateway.freshToken(DemoData.REVIEWER_1);
        }
    }

    // --- Finding 5: suspended agencies' requests go nowhere; revocation ends them ----------------------------------

    @Test
    void onlyAnApprovedAgencysRequestsArePublishedAndRevocationEndsThem() {
        Agency agency = agency("revoked", 43.0, -95.0);
        String owner = "integrity.owner." + TAG;
        KeycloakUsers.ensure(owner, owner + "@mail.example", true);
        World.camera(owner, "Integrity porch " + TAG, agency.lat(), agency.lon());
        String pending = agency.post("PENDING-" + TAG);
        String published = agency.post("PUBLISHED-" + TAG);
        Enrolment.publish(published);
        Requests.awaitInbox(owner, ids -> ids.contains(published), Duration.ofSeconds(20));

        Gateway.as(DemoData.REVIEWER_1)
                .body("{\"reason\":\"complaint under investigation " + TAG + "\"}")
                .post("/api/agencies/" + agency.id() + "/suspend")
                .then()
                .statusCode(200);
        // At once, not after a cache's lifetime.
        Response refused = decide(DemoData.REVIEWER_2, pending, "PUBLISH");
        assertTrue(Problems.assertProblem(refused, 409).getString("detail").contains("SUSPENDED"), refused.asString());

        // A suspension is not the end: the requests stay open (past a sweep of the standing check).
        sleep(Duration.ofSeconds(6));
        assertTrue(moderationQueue().contains(pending), "the pending request left the queue");
        assertEquals("PUBLISHED", publicEntry(published).getString("state"));

        String reason = "forged warrant " + TAG;
        Gateway.as(DemoData.REVIEWER_2)
                .body("{\"reason\":\"" + reason + "\"}")
                .post("/api/agencies/" + agency.id() + "/revoke")
                .then()
                .statusCode(200)
                .body("state", equalTo("REVOKED"));

        JsonPath closed = await(
                "the published request closed",
                () -> publicEntry(published),
                e -> "CLOSED".equals(e.getString("state")),
                Duration.ofSeconds(20));
        assertEquals("agency revoked: " + reason, closed.getString("endedReason"));
        assertFalse(moderationQueue().contains(pending), "the revoked agency's request is still in the queue");
        for (String decision : List.of("PUBLISH", "REJECT")) {
            Problems.assertProblem(decide(DemoData.REVIEWER_2, pending, decision), 409);
        }
        // consent-service heard of the end through the feed: owners can no longer share for it.
        await(
                "the owner's inbox to drop the request or show it closed",
                () -> inboxEntry(owner, published),
                e -> e == null || "CLOSED".equals(e.getString("requestState")),
                Duration.ofSeconds(20));
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    static Response decide(String reviewer, String id, String decision) {
        return Gateway.as(reviewer)
                .body("{\"decision\":\"" + decision + "\",\"reason\":\"reviewed " + TAG + "\"}")
                .post("/api/moderation/requests/" + id + "/decision");
    }

    static void publishedBy(String reviewer, String id) {
        decide(reviewer, id, "PUBLISH").then().statusCode(200).body("state", equalTo("PUBLISHED"));
    }

    static String stateOf(Agency agency, String id) {
        return Gateway.as(agency.chief())
                .get(agency.requests() + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("state");
    }

    static List<String> moderationQueue() {
        return Gateway.as(DemoData.REVIEWER_2)
                .get("/api/moderation/requests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id", String.class);
    }

    static JsonPath publicEntry(String id) {
        String all = Gateway.anonymous()
                .queryParam("size", 100)
                .get("/api/public/requests")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Object entry = JsonPath.from(all).get("find { it.id == '" + id + "' }");
        if (entry == null) {
            fail("request " + id + " is not in the first page of the public log");
        }
        return JsonPath.from(all).setRootPath("find { it.id == '" + id + "' }");
    }

    static JsonPath inboxEntry(String owner, String id) {
        String all = Gateway.as(owner)
                .get("/api/me/inbox")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Object entry = JsonPath.from(all).get("find { it.requestId == '" + id + "' }");
        return entry == null ? null : JsonPath.from(all).setRootPath("find { it.requestId == '" + id + "' }");
    }

    static Map<Integer, Integer> statuses(List<Response> responses) {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        responses.forEach(r -> byStatus.merge(r.statusCode(), 1, Integer::sum));
        return byStatus;
    }

    static <T> T await(String what, java.util.function.Supplier<T> read, Predicate<T> done, Duration within) {
        Instant deadline = Instant.now().plus(within);
        T last = read.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                fail("waited " + within + " for " + what + "; last seen "
                        + (last instanceof JsonPath j ? j.prettify() : last));
            }
            sleep(Duration.ofMillis(250));
            last = read.get();
        }
        return last;
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

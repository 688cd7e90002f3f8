package org.neighborshare.request;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neighborshare.request.service.RequestService;
import org.neighborshare.request.service.RevokedAgencySweep;
import org.neighborshare.shared.audit.AuditFact;
import org.neighborshare.shared.audit.Commitments;
import org.neighborshare.testsupport.AuditEntries;
import org.neighborshare.testsupport.PostgresResource;
import org.neighborshare.testsupport.Race;
import org.neighborshare.testsupport.TestTokens;

/**
 * Every decision on a request appends exactly its fact to the public request log, with the contract's attributes
 * and nothing else (never the case number, description, contact, area or author); a refused or lost decision
 * appends nothing.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class PublicLogTest {

    @Inject
    Commitments commitments;

    @Inject
    RequestService requests;

    @Inject
    RevokedAgencySweep sweep;

    @Inject
    TestAgencies agencies;

    @Inject
    EntityManager em;

    @Test
    void submissionPublicationAndCloseAreLoggedWithTheDecisionTime() {
        UUID agency = UUID.randomUUID();
        String author = UUID.randomUUID().toString();
        String reviewer = UUID.randomUUID().toString();
        int start = AuditEntries.size();
        String id = given().header(
                        "Authorization",
                        TestTokens.forService("request-service")
                                .user(author, "det")
                                .agencyRole(agency, "investigator")
                                .bearer())
                .contentType(ContentType.JSON)
                .body(Api.validBody("RPD-" + UUID.randomUUID()))
                .post("/api/agencies/" + agency + "/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.decide(reviewerToken(reviewer), id, "PUBLISH").then().statusCode(200);
        given().header("Authorization", Api.investigator(agency))
                .post("/api/agencies/" + agency + "/requests/" + id + "/close")
                .then()
                .statusCode(200);

        List<AuditFact> facts = factsOf(id, start);
        assertEquals(
                List.of("request.submitted", "request.published", "request.closed"),
                facts.stream().map(f -> f.type().wireName()).toList());
        Map<String, Object> base = Map.of("request", id, "agency", agency.toString());
        assertEquals(
                with(base, Map.of("incidentType", "BURGLARY", "emergency", "false")),
                facts.get(0).attributes());
        assertEquals(
                with(
                        base,
                        Map.of(
                                "reviewer",
                                commitments.reviewer(reviewer),
                                "emergency",
                                "false",
                                "submittedAt",
                                facts.get(0).at().toString())),
                facts.get(1).attributes());
        assertEquals(
                with(base, Map.of("reason", "closed by the agency")),
                facts.get(2).attributes());
        assertFalse(Instant.parse(facts.get(1).string("submittedAt").orElseThrow())
                .isAfter(facts.get(1).at()));
        for (AuditFact f : facts) {
            String entry = f.toString();
            for (String secret : List.of(author, reviewer, "RPD-", "Break-in", "desk@", "45.52", "-122.67")) {
                assertFalse(entry.contains(secret), entry + " holds " + secret);
            }
        }
    }

    @Test
    void anEmergencyRejectionCarriesItsFlagReasonAndSubmissionTime() {
        UUID agency = UUID.randomUUID();
        Instant end = Instant.now().minus(Duration.ofHours(2));
        String body = Api.body("E-" + UUID.randomUUID(), end.minus(Duration.ofHours(1)), end, 300)
                .replace(
                        "\"contact\"",
                        "\"emergency\":true,\"emergencyJustification\":\"a missing child last seen here\",\"contact\"");
        String id = given().header("Authorization", Api.investigator(agency))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/agencies/" + agency + "/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        int start = AuditEntries.size();
        String reviewer = UUID.randomUUID().toString();
        given().header("Authorization", reviewerToken(reviewer))
                .contentType(ContentType.JSON)
                .body("{\"decision\":\"REJECT\",\"reason\":\"no imminent danger shown\"}")
                .post("/api/moderation/requests/" + id + "/decision")
                .then()
                .statusCode(200);
        List<AuditFact> facts = factsOf(id, start);
        assertEquals(1, facts.size(), facts.toString());
        assertEquals("request.rejected", facts.get(0).type().wireName());
        assertEquals(
                Set.of("request", "agency", "reviewer", "emergency", "submittedAt", "reason"),
                facts.get(0).attributes().keySet());
        assertEquals("true", facts.get(0).string("emergency").orElseThrow());
        assertEquals("no imminent danger shown", facts.get(0).string("reason").orElseThrow());
        assertEquals(
                commitments.reviewer(reviewer), facts.get(0).string("reviewer").orElseThrow());
    }

    @Test
    void tenRacingModerationsLogOneDecisionAndRefusalsLogNothing() {
        UUID agency = UUID.randomUUID();
        String id = Api.create(agency, "RACE-" + UUID.randomUUID());
        int start = AuditEntries.size();
        // Refused: a member of the agency moderates its own request.
        Api.decide(
                        TestTokens.forService("request-service")
                                .role("reviewer")
                                .agencyRole(agency, "investigator")
                                .bearer(),
                        id,
                        "PUBLISH")
                .then()
                .statusCode(403);
        List<Integer> statuses = Race.race(
                10,
                i -> Api.decide(Api.reviewer(), id, i % 2 == 0 ? "PUBLISH" : "REJECT")
                        .statusCode());
        assertEquals(1, Race.count(statuses, 200), statuses.toString());
        List<AuditFact> facts = factsOf(id, start);
        assertEquals(1, facts.size(), facts.toString());
        assertTrue(Set.of("request.published", "request.rejected")
                .contains(facts.get(0).type().wireName()));
        // A close of the request by another agency is refused and logs nothing.
        int before = AuditEntries.size();
        UUID other = UUID.randomUUID();
        given().header("Authorization", Api.investigator(other))
                .post("/api/agencies/" + other + "/requests/" + id + "/close")
                .then()
                .statusCode(404);
        assertEquals(List.of(), factsOf(id, before));
    }

    @Test
    void expiryAndTheRevokedAgencySweepAreLoggedWithTheirReasons() {
        UUID agency = UUID.randomUUID();
        String expiring = Api.publish(Api.create(agency, "X-" + UUID.randomUUID()));
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "update footage_request set published_at = published_at - interval '8 days' where id = ?1")
                        .setParameter(1, UUID.fromString(expiring))
                        .executeUpdate());
        int start = AuditEntries.size();
        requests.expireDue();
        List<AuditFact> expired = factsOf(expiring, start);
        assertEquals(1, expired.size(), expired.toString());
        assertEquals("request.expired", expired.get(0).type().wireName());
        assertEquals(
                Map.of("request", expiring, "agency", agency.toString(), "reason", "publication lifetime ended"),
                expired.get(0).attributes());

        UUID revoked = UUID.randomUUID();
        String published = Api.publish(Api.create(revoked, "R-" + UUID.randomUUID()));
        String pending = Api.create(revoked, "P-" + UUID.randomUUID());
        agencies.change(revoked, "REVOKED", "misuse");
        int beforeSweep = AuditEntries.size();
        sweep.sweep();
        sweep.sweep(); // a second sweep finds nothing open: nothing more is logged
        List<AuditFact> closed = factsOf(published, beforeSweep);
        assertEquals(1, closed.size(), closed.toString());
        assertEquals("request.closed", closed.get(0).type().wireName());
        assertEquals("agency revoked: misuse", closed.get(0).string("reason").orElseThrow());
        List<AuditFact> rejected = factsOf(pending, beforeSweep);
        assertEquals(1, rejected.size(), rejected.toString());
        assertEquals("request.rejected", rejected.get(0).type().wireName());
        assertEquals("revoked-agency-sweep", rejected.get(0).string("reviewer").orElseThrow());
        assertEquals("agency revoked: misuse", rejected.get(0).string("reason").orElseThrow());
    }

    private static String reviewerToken(String subject) {
        return TestTokens.forService("request-service")
                .user(subject, "rev")
                .role("reviewer")
                .bearer();
    }

    private static Map<String, Object> with(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> all = new java.util.HashMap<>(a);
        all.putAll(b);
        return all;
    }

    private static List<AuditFact> factsOf(String requestId, int start) {
        return AuditEntries.since(start).stream()
                .filter(f -> f.string("request").orElse("").equals(requestId))
                .toList();
    }
}

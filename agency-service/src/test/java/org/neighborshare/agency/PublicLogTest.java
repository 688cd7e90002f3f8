package org.neighborshare.agency;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neighborshare.agency.service.AgencyService;
import org.neighborshare.shared.audit.AuditFact;
import org.neighborshare.shared.audit.Commitments;
import org.neighborshare.testsupport.AuditEntries;
import org.neighborshare.testsupport.Race;

/**
 * Every decision on an agency and its members appends exactly its fact to the public agency log, with the
 * contract's attributes and nothing else; a refused or lost decision appends nothing; no entry names a person.
 */
@QuarkusTest
@QuarkusTestResource(org.neighborshare.testsupport.PostgresResource.class)
class PublicLogTest {

    @Inject
    AgencyService agencies;

    @Inject
    Commitments commitments;

    @Inject
    TestDoubles.InMemoryRoles roles;

    @AfterEach
    void resetClock() {
        TestDoubles.CLOCK.reset();
    }

    @Test
    void theWholeLifeOfAnAgencyIsInTheLogOneFactPerDecision() {
        String applicant = UUID.randomUUID().toString();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        int start = AuditEntries.size();
        String id = Api.apply(applicant, Api.domain());
        Api.check(a, id, "JURISDICTION").statusCode(200);
        Api.check(a, id, "AUTHORIZING_OFFICIAL").statusCode(200);
        Api.decide(b, id, "APPROVE").statusCode(200);
        Api.act(a, id, "suspend", "complaint under investigation").statusCode(200);
        Api.act(b, id, "reinstate", "complaint unfounded").statusCode(200);
        TestDoubles.CLOCK.advance(Duration.ofDays(366));
        agencies.expireDue();
        given().header("Authorization", Api.reviewer(a))
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"annual re-vetting\"}")
                .post("/api/vetting/" + id + "/revet")
                .then()
                .statusCode(200);

        List<AuditFact> facts = factsOf(id, start);
        assertEquals(
                List.of(
                        "agency.applied",
                        "agency.checked",
                        "agency.checked",
                        "agency.checked",
                        "agency.checked",
                        "agency.approved",
                        "member.added",
                        "agency.suspended",
                        "agency.reinstated",
                        "agency.expired",
                        "agency.revetting"),
                facts.stream().map(f -> f.type().wireName()).toList());
        String ra = commitments.reviewer(a);
        String rb = commitments.reviewer(b);
        assertTrue(ra.matches("reviewer-[0-9a-f]{16}"), ra);
        assertFalse(ra.equals(rb));
        assertEquals(Map.of("agency", id, "agencyType", "POLICE"), facts.get(0).attributes());
        assertEquals(
                Map.of("agency", id, "item", "POLICY_ATTESTATION", "reviewer", "applicant"),
                facts.get(1).attributes());
        assertEquals(
                Map.of("agency", id, "item", "OFFICIAL_DOMAIN", "reviewer", "identity-provider"),
                facts.get(2).attributes());
        assertEquals(
                Map.of("agency", id, "item", "JURISDICTION", "reviewer", ra),
                facts.get(3).attributes());
        assertEquals(
                Map.of("agency", id, "item", "AUTHORIZING_OFFICIAL", "reviewer", ra),
                facts.get(4).attributes());
        assertEquals(
                Map.of("agency", id, "reviewer", rb, "reason", "vetting complete"),
                facts.get(5).attributes());
        assertEquals(
                Set.of("agency", "member", "role"), facts.get(6).attributes().keySet());
        assertEquals("agency-admin", facts.get(6).string("role").orElseThrow());
        assertEquals(
                Map.of("agency", id, "reviewer", ra, "reason", "complaint under investigation"),
                facts.get(7).attributes());
        assertEquals(
                Map.of("agency", id, "reviewer", rb, "reason", "complaint unfounded"),
                facts.get(8).attributes());
        assertEquals(
                Map.of("agency", id, "reason", "approval older than 365 days"),
                facts.get(9).attributes());
        assertEquals(
                Map.of("agency", id, "reviewer", ra, "reason", "annual re-vetting"),
                facts.get(10).attributes());
        // Each decision at the instant the service's clock gave it: the expiry after the moved clock.
        assertTrue(facts.get(9).at().isAfter(facts.get(8).at().plus(Duration.ofDays(365))));
        noPersonIn(facts, applicant, a, b, "chief@");
    }

    @Test
    void aRevocationIsLoggedWithItsReviewerAndReason() {
        String id = Api.approved(UUID.randomUUID().toString());
        String r = UUID.randomUUID().toString();
        Api.act(r, id, "suspend", "misuse alleged").statusCode(200);
        int start = AuditEntries.size();
        Api.act(r, id, "revoke", "misuse of requests").statusCode(200);
        Api.act(r, id, "revoke", "again").statusCode(409);
        List<AuditFact> facts = factsOf(id, start);
        assertEquals(1, facts.size(), facts.toString());
        assertEquals("agency.revoked", facts.get(0).type().wireName());
        assertEquals(
                Map.of("agency", id, "reviewer", commitments.reviewer(r), "reason", "misuse of requests"),
                facts.get(0).attributes());
    }

    @Test
    void aRejectionIsLoggedWithItsReviewerAndReason() {
        String id = Api.apply(UUID.randomUUID().toString(), Api.domain());
        String r = UUID.randomUUID().toString();
        int start = AuditEntries.size();
        given().header("Authorization", Api.reviewer(r))
                .contentType(ContentType.JSON)
                .body("{\"decision\":\"REJECT\",\"reason\":\"not a public agency\"}")
                .post("/api/vetting/" + id + "/decision")
                .then()
                .statusCode(200);
        List<AuditFact> facts = factsOf(id, start);
        assertEquals(1, facts.size(), facts.toString());
        assertEquals("agency.rejected", facts.get(0).type().wireName());
        assertEquals(
                Map.of("agency", id, "reviewer", commitments.reviewer(r), "reason", "not a public agency"),
                facts.get(0).attributes());
    }

    @Test
    void refusedDecisionsAppendNothing() {
        String applicant = UUID.randomUUID().toString();
        String id = Api.apply(applicant, Api.domain());
        int start = AuditEntries.size();
        String a = UUID.randomUUID().toString();
        Api.decide(a, id, "APPROVE").statusCode(409); // vetting incomplete
        Api.check(applicant, id, "JURISDICTION").statusCode(403); // the applicant vets themself
        Api.check(a, id, "OFFICIAL_DOMAIN").statusCode(422); // an automatic item
        Api.check(a, id, "JURISDICTION").statusCode(200);
        Api.check(a, id, "JURISDICTION").statusCode(409); // ticked twice
        Api.act(a, id, "reinstate").statusCode(409); // not suspended
        List<AuditFact> facts = factsOf(id, start);
        assertEquals(
                List.of("agency.checked"),
                facts.stream().map(f -> f.type().wireName()).toList());
    }

    @Test
    void tenRacingApprovalsLogOneApproval() {
        String id = Api.apply(UUID.randomUUID().toString(), Api.domain());
        String a = UUID.randomUUID().toString();
        Api.check(a, id, "JURISDICTION").statusCode(200);
        Api.check(a, id, "AUTHORIZING_OFFICIAL").statusCode(200);
        int start = AuditEntries.size();
        List<Integer> statuses = Race.race(
                10,
                i -> Api.decide(UUID.randomUUID().toString(), id, "APPROVE")
                        .extract()
                        .statusCode());
        assertEquals(1, Race.count(statuses, 200), statuses.toString());
        List<String> types =
                factsOf(id, start).stream().map(f -> f.type().wireName()).toList();
        assertEquals(List.of("agency.approved", "member.added"), types);
    }

    @Test
    void membersAreCommitmentsThatOnlyTheAgencysAdminsCanOpen() {
        String admin = UUID.randomUUID().toString();
        String id = Api.approved(admin);
        String member = UUID.randomUUID().toString();
        String email = "m-" + member.substring(0, 8) + "@pd.example";
        roles.signUp(email, member);
        String adminToken = Api.agencyAdmin(admin, id);
        int start = AuditEntries.size();
        for (int i = 0; i < 2; i++) { // granting a role held already is no new entry
            given().header("Authorization", adminToken)
                    .contentType(ContentType.JSON)
                    .body("{\"email\":\"" + email + "\",\"role\":\"investigator\"}")
                    .post("/api/agencies/" + id + "/members")
                    .then()
                    .statusCode(201);
        }
        given().header("Authorization", adminToken)
                .delete("/api/agencies/" + id + "/members/" + member)
                .then()
                .statusCode(204);
        given().header("Authorization", adminToken)
                .delete("/api/agencies/" + id + "/members/" + member)
                .then()
                .statusCode(404);

        List<AuditFact> facts = factsOf(id, start);
        assertEquals(
                List.of("member.added", "member.removed"),
                facts.stream().map(f -> f.type().wireName()).toList());
        for (AuditFact f : facts) {
            assertEquals(Set.of("agency", "member", "role"), f.attributes().keySet());
            assertEquals("investigator", f.string("role").orElseThrow());
        }
        assertFalse(facts.get(0).string("member").equals(facts.get(1).string("member")), "a fresh salt per entry");
        noPersonIn(facts, member, admin, email);

        JsonPath opened = given().header("Authorization", adminToken)
                .get("/api/agencies/" + id + "/members/commitments")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (AuditFact f : facts) {
            String commitment = f.string("member").orElseThrow();
            Map<String, Object> row = opened.getMap("find { it.member == '" + commitment + "' }");
            assertEquals(member, row.get("userId"));
            assertEquals(commitment, Commitments.salted((String) row.get("salt"), member));
            assertEquals(f.type().wireName(), row.get("type"));
        }
        given().header("Authorization", Api.agencyAdmin(admin, UUID.randomUUID().toString()))
                .get("/api/agencies/" + id + "/members/commitments")
                .then()
                .statusCode(403);
    }

    private static List<AuditFact> factsOf(String agencyId, int start) {
        return AuditEntries.since(start).stream()
                .filter(f -> f.string("agency").orElse("").equals(agencyId))
                .toList();
    }

    private static void noPersonIn(List<AuditFact> facts, String... people) {
        for (AuditFact f : facts) {
            for (String p : people) {
                assertFalse(f.toString().contains(p), f + " names " + p);
            }
        }
    }
}

package org.neighborshare.agency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neighborshare.agency.service.AgencyService;
import org.neighborshare.testsupport.PostgresResource;
import org.neighborshare.testsupport.Race;

/**
 * Racing callers on one agency (10 at once behind a start gate): exactly one wins, every other caller gets a 409
 * problem, never a 500, and what is stored is what one winner did.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ConcurrencyTest {

    static final int CALLERS = 10;

    @Inject
    AgencyService agencies;

    @Inject
    TestDoubles.InMemoryRoles roles;

    @AfterEach
    void resetClock() {
        TestDoubles.CLOCK.reset();
    }

    @Test
    void simultaneousApplicationsForOneDomainStoreOne() {
        String domain = Api.domain();
        List<Integer> statuses = Race.race(
                CALLERS,
                i -> given().header(
                                "Authorization",
                                Api.applicant(UUID.randomUUID().toString(), "chief" + i + "@" + domain))
                        .contentType(ContentType.JSON)
                        .body(Api.application(domain, Api.SQUARE))
                        .post("/api/agency-applications")
                        .then()
                        .extract()
                        .statusCode());
        assertEquals(1, Race.count(statuses, 201), statuses.toString());
        assertEquals(CALLERS - 1, Race.count(statuses, 409), statuses.toString());
        given().header("Authorization", Api.reviewer(UUID.randomUUID().toString()))
                .get("/api/vetting/queue")
                .then()
                .statusCode(200)
                .body("findAll { it.agency.officialDomain == '" + domain + "' }.size()", equalTo(1));
    }

    @Test
    void simultaneousTicksOfOneItemRecordOne() {
        String id = Api.apply(UUID.randomUUID().toString(), Api.domain());
        List<Integer> statuses = Race.race(
                CALLERS,
                i -> Api.check(UUID.randomUUID().toString(), id, "JURISDICTION")
                        .extract()
                        .statusCode());
        assertEquals(1, Race.count(statuses, 200), statuses.toString());
        assertEquals(CALLERS - 1, Race.count(statuses, 409), statuses.toString());
        given().header("Authorization", Api.reviewer(UUID.randomUUID().toString()))
                .get("/api/vetting/" + id)
                .then()
                .statusCode(200)
                .body("agency.state", equalTo("IN_REVIEW"))
                .body("checks.findAll { it.item == 'JURISDICTION' }.size()", equalTo(1));
        Api.history(id).statusCode(404); // an application under vetting is not public yet
    }

    @Test
    void simultaneousApprovalsApproveOnceAndGrantOnce() {
        String applicant = UUID.randomUUID().toString();
        String id = Api.apply(applicant, Api.domain());
        String first = UUID.randomUUID().toString();
        Api.check(first, id, "JURISDICTION").statusCode(200);
        Api.check(first, id, "AUTHORIZING_OFFICIAL").statusCode(200);
        List<Integer> statuses = Race.race(
                CALLERS,
                i -> Api.decide(UUID.randomUUID().toString(), id, "APPROVE")
                        .extract()
                        .statusCode());
        assertEquals(1, Race.count(statuses, 200), statuses.toString());
        assertEquals(CALLERS - 1, Race.count(statuses, 409), statuses.toString());
        Api.history(id).statusCode(200).body("findAll { it.action == 'APPROVE' }.size()", equalTo(1));
        assertEquals(java.util.Set.of("agency-admin"), roles.grantsOf(id).get(applicant));
    }

    @Test
    void simultaneousApproveAndRejectLeaveOneOutcome() {
        String id = Api.apply(UUID.randomUUID().toString(), Api.domain());
        String first = UUID.randomUUID().toString();
        Api.check(first, id, "JURISDICTION").statusCode(200);
        Api.check(first, id, "AUTHORIZING_OFFICIAL").statusCode(200);
        List<Integer> statuses = Race.race(
                CALLERS,
                i -> Api.decide(UUID.randomUUID().toString(), id, i % 2 == 0 ? "APPROVE" : "REJECT")
                        .extract()
                        .statusCode());
        assertEquals(1, Race.count(statuses, 200), statuses.toString());
        assertEquals(CALLERS - 1, Race.count(statuses, 409), statuses.toString());
        Api.history(id).statusCode(200).body("findAll { it.action in ['APPROVE', 'REJECT'] }.size()", equalTo(1));
    }

    @Test
    void simultaneousSuspensionsAndRevocationsDecideOnce() {
        String id = Api.approved(UUID.randomUUID().toString());
        List<Integer> suspended = Race.race(
                CALLERS,
                i -> Api.act(UUID.randomUUID().toString(), id, "suspend")
                        .extract()
                        .statusCode());
        assertEquals(1, Race.count(suspended, 200), suspended.toString());
        assertEquals(CALLERS - 1, Race.count(suspended, 409), suspended.toString());
        List<Integer> ended = Race.race(
                CALLERS,
                i -> Api.act(UUID.randomUUID().toString(), id, i % 2 == 0 ? "revoke" : "reinstate")
                        .extract()
                        .statusCode());
        assertEquals(1, Race.count(ended, 200), ended.toString());
        assertEquals(CALLERS - 1, Race.count(ended, 409), ended.toString());
        Api.history(id)
                .statusCode(200)
                .body("findAll { it.action == 'SUSPEND' }.size()", equalTo(1))
                .body("findAll { it.action in ['REVOKE', 'REINSTATE'] }.size()", equalTo(1));
    }

    @Test
    void expiryRacingSuspensionsNeitherFailsNorLosesEither() {
        String id = Api.approved(UUID.randomUUID().toString());
        TestDoubles.CLOCK.advance(Duration.ofDays(366));
        List<Integer> statuses = Race.race(CALLERS + 1, i -> {
            if (i == 0) {
                agencies.expireDue(); // throws if the race broke it
                return 0;
            }
            return Api.act(UUID.randomUUID().toString(), id, "suspend")
                    .extract()
                    .statusCode();
        });
        String state = given().header("Authorization", Api.directoryReader())
                .get("/api/directory/agencies/" + id + "/status")
                .then()
                .statusCode(200)
                .extract()
                .path("state");
        long suspensions = Race.count(statuses, 200);
        assertEquals(CALLERS - suspensions, Race.count(statuses, 409), statuses.toString());
        assertTrue(suspensions <= 1, statuses.toString());
        assertEquals(suspensions == 1 ? "SUSPENDED" : "EXPIRED", state);
        Api.history(id).statusCode(200).body("findAll { it.action in ['SUSPEND', 'EXPIRE'] }.size()", equalTo(1));
    }

    @Test
    void simultaneousRevetsReopenOnce() {
        String id = Api.approved(UUID.randomUUID().toString());
        TestDoubles.CLOCK.advance(Duration.ofDays(366));
        agencies.expireDue();
        List<Integer> statuses = Race.race(
                CALLERS,
                i -> given().header(
                                "Authorization", Api.reviewer(UUID.randomUUID().toString()))
                        .contentType(ContentType.JSON)
                        .body("{\"reason\":\"annual re-vetting\"}")
                        .post("/api/vetting/" + id + "/revet")
                        .then()
                        .extract()
                        .statusCode());
        assertEquals(1, Race.count(statuses, 200), statuses.toString());
        assertEquals(CALLERS - 1, Race.count(statuses, 409), statuses.toString());
    }

    @Test
    void simultaneousRemovalsOfOneMemberRemoveOnce() {
        String admin = UUID.randomUUID().toString();
        String id = Api.approved(admin);
        String member = UUID.randomUUID().toString();
        String email = "m-" + member.substring(0, 8) + "@pd.example";
        roles.signUp(email, member);
        String adminToken = Api.agencyAdmin(admin, id);
        List<Integer> added = Race.race(
                CALLERS,
                i -> given().header("Authorization", adminToken)
                        .contentType(ContentType.JSON)
                        .body("{\"email\":\"" + email + "\",\"role\":\"investigator\"}")
                        .post("/api/agencies/" + id + "/members")
                        .then()
                        .extract()
                        .statusCode());
        // Adding is idempotent: a role is a set membership, held once however often it is granted.
        assertEquals(CALLERS, Race.count(added, 201), added.toString());
        List<Integer> removed = Race.race(
                CALLERS,
                i -> given().header("Authorization", adminToken)
                        .delete("/api/agencies/" + id + "/members/" + member)
                        .then()
                        .extract()
                        .statusCode());
        assertEquals(1, Race.count(removed, 204), removed.toString());
        assertEquals(CALLERS - 1, Race.count(removed, 404), removed.toString());
        assertTrue(!roles.grantsOf(id).containsKey(member));
    }
}

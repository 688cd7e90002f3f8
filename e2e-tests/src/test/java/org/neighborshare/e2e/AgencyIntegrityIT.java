package org.neighborshare.e2e;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neighborshare.testsupport.Race.race;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neighborshare.e2e.owasp.KeycloakUsers;
import org.neighborshare.e2e.owasp.Problems;

/**
 * Issue 9, agency-service's part, black-box through the gateway with the real Keycloak and PostgreSQL:
 * racing state changes on one agency (finding 2), an agency that tries to neutralise its reviewers (finding 3),
 * and the public history that keeps every suspension after a reinstatement (finding 9, I3). Every agency here is
 * fresh, on its own official domain, applied for by its own user, so the demo data other tests use is untouched.
 */
@ExtendWith(RunningSuite.class)
class AgencyIntegrityIT {

    static final int CALLERS = 10;

    @Test
    void simultaneousApplicationsForOneDomainStoreOneAndTheRestAre409() {
        Fresh f = fresh();
        List<Response> answers = race(
                CALLERS, i -> Gateway.as(f.chief).body(application(f.domain)).post("/api/agency-applications"));
        assertOneWinner(answers, 201);
        answers.stream()
                .filter(r -> r.statusCode() == 409)
                .forEach(r -> assertEquals("officialDomain", r.jsonPath().getString("errors[0].field")));
        List<String> stored = Gateway.as(DemoData.REVIEWER_1)
                .get("/api/vetting/queue")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.agency.officialDomain == '" + f.domain + "' }.agency.id");
        assertEquals(1, stored.size(), "stored: " + stored);
        reject(stored.get(0));
    }

    @Test
    void simultaneousTicksOfOneChecklistItemRecordOne() {
        Fresh f = fresh();
        String id = apply(f);
        List<String> reviewers = reviewers();
        List<Response> answers = race(
                CALLERS,
                i -> Gateway.as(reviewers.get(i))
                        .body("{\"note\":\"boundary ok\"}")
                        .post("/api/vetting/" + id + "/checks/JURISDICTION"));
        assertOneWinner(answers, 200);
        Gateway.as(DemoData.REVIEWER_1)
                .get("/api/vetting/" + id)
                .then()
                .statusCode(200)
                .body("agency.state", equalTo("IN_REVIEW"))
                .body("checks.findAll { it.item == 'JURISDICTION' }.size()", equalTo(1));
        reject(id);
    }

    @Test
    void simultaneousApprovalsApproveOnceWithoutA503AndTheApplicantBecomesAdmin() {
        Fresh f = fresh();
        String id = apply(f);
        tickBoth(DemoData.REVIEWER_1, id);
        List<String> reviewers = reviewers();
        List<Response> answers = race(
                CALLERS,
                i -> Gateway.as(reviewers.get(i))
                        .body("{\"decision\":\"APPROVE\",\"reason\":\"all four items verified\"}")
                        .post("/api/vetting/" + id + "/decision"));
        assertOneWinner(answers, 200);
        Gateway.anonymous()
                .get("/api/public/agencies/" + id + "/history")
                .then()
                .statusCode(200)
                .body("findAll { it.action == 'APPROVE' }.size()", equalTo(1));
        String token = Gateway.freshToken(f.chief);
        assertTrue(
                AgencyLifecycleIT.groups(token).contains("/agencies/" + id + "/agency-admin"),
                "groups: " + AgencyLifecycleIT.groups(token));
        Gateway.as(f.chief)
                .get("/api/agencies/" + id + "/members")
                .then()
                .statusCode(200)
                .body("username", hasItem(f.chief));
    }

    @Test
    void simultaneousSuspensionsAndEndingsDecideOnce() {
        Fresh f = fresh();
        String id = approved(f);
        List<String> reviewers = reviewers();
        assertOneWinner(
                race(
                        CALLERS,
                        i -> Gateway.as(reviewers.get(i))
                                .body("{\"reason\":\"complaint " + i + "\"}")
                                .post("/api/agencies/" + id + "/suspend")),
                200);
        assertOneWinner(
                race(
                        CALLERS,
                        i -> Gateway.as(reviewers.get(i))
                                .body("{\"reason\":\"outcome " + i + "\"}")
                                .post("/api/agencies/" + id + (i % 2 == 0 ? "/revoke" : "/reinstate"))),
                200);
        Gateway.anonymous()
                .get("/api/public/agencies/" + id + "/history")
                .then()
                .statusCode(200)
                .body("findAll { it.action == 'SUSPEND' }.size()", equalTo(1))
                .body("findAll { it.action in ['REVOKE', 'REINSTATE'] }.size()", equalTo(1));
    }

    @Test
    void anAgencyCannotEnrolItsReviewersAndCannotStopThemSuspendingOrRevokingIt() {
        Fresh f = fresh();
        String id = approved(f);
        // The attack: the agency-admin adds both platform reviewers as members.
        for (String[] reviewer : new String[][] {
            {"rivera@neighborshare.example", "investigator"}, {"chen@neighborshare.example", "agency-admin"}
        }) {
            Response r = Gateway.as(f.chief)
                    .body("{\"email\":\"" + reviewer[0] + "\",\"role\":\"" + reviewer[1] + "\"}")
                    .post("/api/agencies/" + id + "/members");
            Problems.assertProblem(r, 409);
            assertEquals("email", r.jsonPath().getString("errors[0].field"));
        }
        Gateway.as(f.chief)
                .get("/api/agencies/" + id + "/members")
                .then()
                .statusCode(200)
                .body("username", not(hasItem(DemoData.REVIEWER_1)))
                .body("username", not(hasItem(DemoData.REVIEWER_2)));
        // Neither reviewer's next token carries a role in the agency; both can still suspend and revoke it.
        assertTrue(AgencyLifecycleIT.groups(Gateway.freshToken(DemoData.REVIEWER_1)).stream()
                .noneMatch(g -> g.contains(id)));
        Gateway.as(DemoData.REVIEWER_1)
                .body("{\"reason\":\"tried to enrol its reviewers\"}")
                .post("/api/agencies/" + id + "/suspend")
                .then()
                .statusCode(200)
                .body("state", equalTo("SUSPENDED"));
        Gateway.as(DemoData.REVIEWER_2)
                .body("{\"reason\":\"tried to enrol its reviewers, confirmed\"}")
                .post("/api/agencies/" + id + "/revoke")
                .then()
                .statusCode(200)
                .body("state", equalTo("REVOKED"));
    }

    @Test
    void aMemberWhoLaterBecomesAReviewerCanSuspendAndRevokeButNotReinstate() {
        Fresh f = fresh();
        String id = approved(f);
        String name = "integrity.member." + f.tag;
        String userId = KeycloakUsers.ensure(name, name + "@" + f.domain, true);
        Gateway.as(f.chief)
                .body("{\"email\":\"" + name + "@" + f.domain + "\",\"role\":\"investigator\"}")
                .post("/api/agencies/" + id + "/members")
                .then()
                .statusCode(201);
        // Platform staff grant the reviewer role in Keycloak afterwards: the token now has both.
        KeycloakUsers.grantRealmRole(userId, "reviewer");
        String token = Gateway.freshToken(name);
        assertTrue(AgencyLifecycleIT.groups(token).contains("/agencies/" + id + "/investigator"));

        Gateway.as(name)
                .body("{\"reason\":\"conflict of interest reported\"}")
                .post("/api/agencies/" + id + "/suspend")
                .then()
                .statusCode(200)
                .body("state", equalTo("SUSPENDED"));
        Problems.assertProblem(
                Gateway.as(name).body("{\"reason\":\"my own agency\"}").post("/api/agencies/" + id + "/reinstate"),
                403);
        Gateway.as(DemoData.REVIEWER_2)
                .body("{\"reason\":\"cleared\"}")
                .post("/api/agencies/" + id + "/reinstate")
                .then()
                .statusCode(200);
        Gateway.as(name)
                .body("{\"reason\":\"again\"}")
                .post("/api/agencies/" + id + "/suspend")
                .then()
                .statusCode(200);
        Gateway.as(name)
                .body("{\"reason\":\"for good\"}")
                .post("/api/agencies/" + id + "/revoke")
                .then()
                .statusCode(200)
                .body("state", equalTo("REVOKED"));
    }

    @Test
    void anApplicantWhoBecameAReviewerIsNotMadeAgencyAdmin() {
        Fresh f = fresh();
        String id = apply(f);
        KeycloakUsers.grantRealmRole(f.chiefId, "reviewer");
        tickBoth(DemoData.REVIEWER_1, id);
        Response r = Gateway.as(DemoData.REVIEWER_2)
                .body("{\"decision\":\"APPROVE\",\"reason\":\"looks fine\"}")
                .post("/api/vetting/" + id + "/decision");
        Problems.assertProblem(r, 409);
        assertTrue(r.jsonPath().getString("detail").contains("platform reviewer"), r.asString());
        assertTrue(
                AgencyLifecycleIT.groups(Gateway.freshToken(f.chief)).stream().noneMatch(g -> g.contains(id)));
        reject(id);
    }

    @Test
    void theDirectoryKeepsASuspensionAndItsReasonAfterTheReinstatement() {
        Fresh f = fresh();
        String id = approved(f);
        Gateway.as(DemoData.REVIEWER_1)
                .body("{\"reason\":\"complaint under investigation\"}")
                .post("/api/agencies/" + id + "/suspend")
                .then()
                .statusCode(200);
        Gateway.as(DemoData.REVIEWER_2)
                .body("{\"reason\":\"complaint unfounded\"}")
                .post("/api/agencies/" + id + "/reinstate")
                .then()
                .statusCode(200);

        String entry = "find { it.id == '" + id + "' }";
        Gateway.anonymous()
                .get("/api/public/agencies")
                .then()
                .statusCode(200)
                .body(entry + ".state", equalTo("APPROVED"))
                .body(entry + ".stateReason", equalTo("complaint unfounded"))
                .body(entry + ".history.action", contains("APPLY", "START_REVIEW", "APPROVE", "SUSPEND", "REINSTATE"))
                .body(
                        entry + ".history.find { it.action == 'SUSPEND' }.reason",
                        equalTo("complaint under investigation"));
        Gateway.anonymous()
                .get("/api/public/agencies/" + id + "/history")
                .then()
                .statusCode(200)
                .body("action", contains("APPLY", "START_REVIEW", "APPROVE", "SUSPEND", "REINSTATE"))
                .body("[3].reason", equalTo("complaint under investigation"))
                .body("[3].at", not(equalTo(null)))
                .body("[4].reason", equalTo("complaint unfounded"))
                // Who decided stays inside the platform.
                .body(not(containsString(f.chiefId)));
        Problems.assertProblem(Gateway.anonymous().get("/api/public/agencies/" + UUID.randomUUID() + "/history"), 404);
    }

    // --- steps -------------------------------------------------------------------------------------------------

    /** A new applicant whose verified e-mail is on a new official domain. */
    record Fresh(String tag, String domain, String chief, String chiefId) {}

    static Fresh fresh() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String domain = "integrity-" + tag + "-pd.example";
        String chief = "integrity.chief." + tag;
        String chiefId = KeycloakUsers.ensure(chief, "chief@" + domain, true);
        return new Fresh(tag, domain, chief, chiefId);
    }

    static String application(String domain) {
        return """
                {"officialName":"Integrity %s Police","type":"POLICE","officialDomain":"%s",
                 "website":"https://www.%s","jurisdiction":%s,
                 "authorizingOfficial":{"name":"Pat Official","title":"Chief","email":"official@%s"},
                 "policyAccepted":true}""".formatted(domain, domain, domain, Agencies.SPRINGFIELD, domain);
    }

    static String apply(Fresh f) {
        return Gateway.as(f.chief)
                .body(application(f.domain))
                .post("/api/agency-applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String approved(Fresh f) {
        String id = apply(f);
        Agencies.vetAndApprove(id);
        Gateway.freshToken(f.chief);
        return id;
    }

    static void tickBoth(String reviewer, String id) {
        for (String item : List.of("JURISDICTION", "AUTHORIZING_OFFICIAL")) {
            Gateway.as(reviewer)
                    .body("{\"note\":\"ok\"}")
                    .post("/api/vetting/" + id + "/checks/" + item)
                    .then()
                    .statusCode(200);
        }
    }

    static void reject(String id) {
        Gateway.as(DemoData.REVIEWER_2)
                .body("{\"decision\":\"REJECT\",\"reason\":\"test application\"}")
                .post("/api/vetting/" + id + "/decision")
                .then()
                .statusCode(200);
    }

    /** Ten platform reviewers (created once per suite), each with a token in hand before a race starts. */
    static synchronized List<String> reviewers() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            String name = "integrity.reviewer." + i;
            String id = KeycloakUsers.ensure(name, name + "@neighborshare.example", true);
            KeycloakUsers.grantRealmRole(id, "reviewer");
            Gateway.freshToken(name);
            names.add(name);
        }
        return names;
    }

    /** Exactly one caller got {@code winner}; every other one a 409 problem (never a 500 or a 503). */
    static void assertOneWinner(List<Response> answers, int winner) {
        List<String> seen =
                answers.stream().map(r -> r.statusCode() + " " + r.asString()).toList();
        assertEquals(1, answers.stream().filter(r -> r.statusCode() == winner).count(), "answers: " + seen);
        for (Response r : answers) {
            if (r.statusCode() != winner) {
                Problems.assertProblem(r, 409);
            }
        }
    }
}

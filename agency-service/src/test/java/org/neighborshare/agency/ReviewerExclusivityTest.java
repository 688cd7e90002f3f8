package org.neighborshare.agency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neighborshare.testsupport.PostgresResource;
import org.neighborshare.testsupport.TestTokens;

/**
 * Platform reviewers and agency roles are mutually exclusive, and nothing an agency does takes away the
 * platform's power to suspend or revoke it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ReviewerExclusivityTest {

    @Inject
    TestDoubles.InMemoryRoles roles;

    @Test
    void anAgencyCannotAddAReviewer() {
        String admin = UUID.randomUUID().toString();
        String id = Api.approved(admin);
        String reviewer = UUID.randomUUID().toString();
        String email = "rev-" + reviewer.substring(0, 8) + "@platform.example";
        roles.signUp(email, reviewer);
        roles.makeReviewer(reviewer);
        for (String role : new String[] {"investigator", "agency-admin"}) {
            given().header("Authorization", Api.agencyAdmin(admin, id))
                    .contentType(ContentType.JSON)
                    .body("{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}")
                    .post("/api/agencies/" + id + "/members")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("email"))
                    .body("detail", containsString("reviewer"));
        }
        assertTrue(!roles.grantsOf(id).containsKey(reviewer));
    }

    @Test
    void aReviewerTheAgencyCountsAsMemberStillSuspendsAndRevokesButCannotReinstate() {
        String id = Api.approved(UUID.randomUUID().toString());
        // A token with the reviewer role and a role in the agency: a reviewer role granted after joining.
        String both = TestTokens.forService("agency-service")
                .user(UUID.randomUUID().toString(), "both")
                .role("reviewer")
                .agencyRole(id, "investigator")
                .bearer();
        post(both, id, "suspend").statusCode(200).body("state", equalTo("SUSPENDED"));
        post(both, id, "reinstate").statusCode(403);
        Api.act(UUID.randomUUID().toString(), id, "reinstate").statusCode(200);
        post(both, id, "suspend").statusCode(200);
        post(both, id, "revoke").statusCode(200).body("state", equalTo("REVOKED"));
    }

    @Test
    void theApplicantMayStillSuspendButNotVetOrReinstate() {
        String applicant = UUID.randomUUID().toString();
        String id = Api.approved(applicant);
        post(Api.reviewer(applicant), id, "suspend").statusCode(200);
        post(Api.reviewer(applicant), id, "reinstate").statusCode(403);
    }

    @Test
    void anApplicantWhoIsAReviewerIsNotApproved() {
        String applicant = UUID.randomUUID().toString();
        String id = Api.apply(applicant, Api.domain());
        String first = UUID.randomUUID().toString();
        Api.check(first, id, "JURISDICTION").statusCode(200);
        Api.check(first, id, "AUTHORIZING_OFFICIAL").statusCode(200);
        roles.makeReviewer(applicant);
        Api.decide(UUID.randomUUID().toString(), id, "APPROVE")
                .statusCode(409)
                .body("detail", containsString("platform reviewer"));
        assertTrue(roles.grantsOf(id).isEmpty());
        Api.decide(UUID.randomUUID().toString(), id, "REJECT").statusCode(200);
    }

    @Test
    void aReviewersAgencyRolesCountForNothingInMemberManagement() {
        String admin = UUID.randomUUID().toString();
        String id = Api.approved(admin);
        String both = TestTokens.forService("agency-service")
                .user(admin, "admin")
                .role("reviewer")
                .agencyRole(id, "agency-admin")
                .bearer();
        given().header("Authorization", both)
                .get("/api/agencies/" + id + "/members")
                .then()
                .statusCode(403)
                .body("detail", containsString("reviewer"));
    }

    private static io.restassured.response.ValidatableResponse post(String token, String id, String action) {
        return given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"" + action + " by a conflicted reviewer\"}")
                .post("/api/agencies/" + id + "/" + action)
                .then();
    }
}

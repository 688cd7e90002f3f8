package org.neighborshare.agency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neighborshare.agency.service.AgencyService;
import org.neighborshare.testsupport.PostgresResource;
import org.neighborshare.testsupport.TestTokens;

/** Vetting through the API: checklist, four eyes, every transition, expiry with a moved clock, members. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class VettingTest {

    @Inject
    AgencyService agencies;

    @Inject
    TestDoubles.InMemoryRoles roles;

    @AfterEach
    void resetClock() {
        TestDoubles.CLOCK.reset();
    }

    @Test
    void officialDomainAndAttestationAreCheckedAutomatically() {
        String id = Api.apply(UUID.randomUUID().toString(), Api.domain());
        given().header("Authorization", Api.reviewer(UUID.randomUUID().toString()))
                .get("/api/vetting/" + id)
                .then()
                .statusCode(200)
                .body("checks.item", hasItems("OFFICIAL_DOMAIN", "POLICY_ATTESTATION"))
                .body("checks.find { it.item == 'OFFICIAL_DOMAIN' }.checkedBy", equalTo("identity-provider"));
        // Reviewers cannot tick the automatic items.
        Api.check(UUID.randomUUID().toString(), id, "OFFICIAL_DOMAIN").statusCode(422);
        Api.check(UUID.randomUUID().toString(), id, "NOT_AN_ITEM").statusCode(422);
    }

    @Test
    void anEmailOffTheDeclaredDomainNeverPassesTheDomainCheck() {
        String domain = Api.domain();
        String id = given().header(
                        "Authorization", Api.applicant(UUID.randomUUID().toString(), "someone@gmail.example"))
                .contentType(ContentType.JSON)
                .body(Api.application(domain, Api.SQUARE))
                .post("/api/agency-applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.check(UUID.randomUUID().toString(), id, "JURISDICTION").statusCode(200);
        Api.check(UUID.randomUUID().toString(), id, "AUTHORIZING_OFFICIAL").statusCode(200);
        Api.decide(UUID.randomUUID().toString(), id, "APPROVE")
                .statusCode(409)
                .body("detail", containsString("OFFICIAL_DOMAIN"));
    }

    @Test
    void approvalNeedsTwoDifferentReviewers() {
        String applicant = UUID.randomUUID().toString();
        String id = Api.apply(applicant, Api.domain());
        String alone = UUID.randomUUID().toString();
        Api.check(alone, id, "JURISDICTION").statusCode(200).body("agency.state", equalTo("IN_REVIEW"));
        Api.decide(alone, id, "APPROVE").statusCode(409).body("detail", containsString("missing"));
        Api.check(alone, id, "AUTHORIZING_OFFICIAL").statusCode(200);
        Api.check(alone, id, "AUTHORIZING_OFFICIAL").statusCode(409);
        Api.decide(alone, id, "APPROVE").statusCode(409).body("detail", containsString("four eyes"));
        Api.decide(UUID.randomUUID().toString(), id, "APPROVE").statusCode(200).body("state", equalTo("APPROVED"));
        // On approval the applicant becomes agency-admin of that agency.
        assertEquals(Set.of("agency-admin"), roles.grantsOf(id).get(applicant));
    }

    @Test
    void applicantAndMembersCannotReviewTheirAgency() {
        String applicant = UUID.randomUUID().toString();
        String id = Api.apply(applicant, Api.domain());
        Api.check(applicant, id, "JURISDICTION").statusCode(403);
        Api.decide(applicant, id, "APPROVE").statusCode(403);
        String member = TestTokens.forService("agency-service")
                .user(UUID.randomUUID().toString(), "m")
                .role("reviewer")
                .agencyRole(id, "investigator")
                .bearer();
        given().header("Authorization", member)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/vetting/" + id + "/checks/JURISDICTION")
                .then()
                .statusCode(403);
    }

    @Test
    void everyLegalAndIllegalTransitionOfAnApprovedAgency() {
        String id = Api.approved(UUID.randomUUID().toString());
        String r = UUID.randomUUID().toString();
        Api.act(r, id, "reinstate").statusCode(409); // APPROVED → APPROVED
        Api.act(r, id, "revoke").statusCode(409); // APPROVED → REVOKED needs a suspension first
        Api.decide(r, id, "APPROVE").statusCode(409); // already approved
        Api.decide(r, id, "REJECT").statusCode(409); // approved agencies are suspended, not rejected
        Api.act(r, id, "suspend").statusCode(200).body("state", equalTo("SUSPENDED"));
        Api.act(r, id, "suspend").statusCode(409);
        Api.act(r, id, "reinstate").statusCode(200).body("state", equalTo("APPROVED"));
        Api.act(r, id, "suspend").statusCode(200);
        Api.act(r, id, "revoke").statusCode(200).body("state", equalTo("REVOKED"));
        Api.act(r, id, "reinstate").statusCode(409); // revocation is final
        Api.act(r, id, "suspend").statusCode(409);
    }

    @Test
    void rejectedApplicationsAreFinal() {
        String id = Api.apply(UUID.randomUUID().toString(), Api.domain());
        String r = UUID.randomUUID().toString();
        Api.act(r, id, "suspend").statusCode(409); // not approved yet
        Api.decide(r, id, "REJECT").statusCode(200).body("state", equalTo("REJECTED"));
        Api.decide(r, id, "APPROVE").statusCode(409);
        Api.check(r, id, "JURISDICTION").statusCode(409);
        Api.act(r, id, "reinstate").statusCode(409);
    }

    @Test
    void approvalExpiresAfter365DaysAndReVettingBringsItBack() {
        String id = Api.approved(UUID.randomUUID().toString());
        TestDoubles.CLOCK.advance(Duration.ofDays(364));
        agencies.expireDue();
        Api.act(UUID.randomUUID().toString(), id, "suspend").statusCode(200);
        Api.act(UUID.randomUUID().toString(), id, "reinstate").statusCode(200);

        TestDoubles.CLOCK.advance(Duration.ofDays(2));
        assertTrue(agencies.expireDue() >= 1);
        given().header("Authorization", Api.directoryReader())
                .get("/api/directory/agencies/" + id + "/status")
                .then()
                .statusCode(200)
                .body("state", equalTo("EXPIRED"));
        Api.act(UUID.randomUUID().toString(), id, "suspend").statusCode(409);

        String a = UUID.randomUUID().toString();
        given().header("Authorization", Api.reviewer(a))
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"annual re-vetting\"}")
                .post("/api/vetting/" + id + "/revet")
                .then()
                .statusCode(200)
                .body("state", equalTo("IN_REVIEW"));
        Api.decide(a, id, "APPROVE").statusCode(409); // reviewer items were cleared
        Api.check(a, id, "JURISDICTION").statusCode(200);
        Api.check(a, id, "AUTHORIZING_OFFICIAL").statusCode(200);
        Api.decide(UUID.randomUUID().toString(), id, "APPROVE").statusCode(200).body("state", equalTo("APPROVED"));
    }

    @Test
    void agencyAdminManagesMembersOfTheirAgencyOnly() {
        String admin = UUID.randomUUID().toString();
        String id = Api.approved(admin);
        String other = Api.approved(UUID.randomUUID().toString());
        String newcomer = UUID.randomUUID().toString();
        roles.signUp("newcomer@pd.example", newcomer);
        String adminToken = Api.agencyAdmin(admin, id);

        given().header("Authorization", adminToken)
                .contentType(ContentType.JSON)
                .body("{\"email\":\"newcomer@pd.example\",\"role\":\"investigator\"}")
                .post("/api/agencies/" + id + "/members")
                .then()
                .statusCode(201)
                .body("roles", hasItem("investigator"));
        given().header("Authorization", adminToken)
                .get("/api/agencies/" + id + "/members")
                .then()
                .statusCode(200)
                .body("userId", hasItems(admin, newcomer));
        given().header("Authorization", adminToken)
                .contentType(ContentType.JSON)
                .body("{\"email\":\"nobody@pd.example\",\"role\":\"investigator\"}")
                .post("/api/agencies/" + id + "/members")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("email"));
        // Someone who signed up with a colleague's address but never verified it is not that colleague.
        String squatter = UUID.randomUUID().toString();
        roles.signUpUnverified("colleague@pd.example", squatter);
        given().header("Authorization", adminToken)
                .contentType(ContentType.JSON)
                .body("{\"email\":\"colleague@pd.example\",\"role\":\"investigator\"}")
                .post("/api/agencies/" + id + "/members")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("email"))
                .body("detail", containsString("verified"));
        assertTrue(!roles.grantsOf(id).containsKey(squatter));
        given().header("Authorization", adminToken)
                .contentType(ContentType.JSON)
                .body("{\"email\":\"newcomer@pd.example\",\"role\":\"chief\"}")
                .post("/api/agencies/" + id + "/members")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("role"));
        // The same admin role gives nothing in another agency (I5).
        given().header("Authorization", adminToken)
                .get("/api/agencies/" + other + "/members")
                .then()
                .statusCode(403);
        given().header("Authorization", adminToken)
                .delete("/api/agencies/" + other + "/members/" + newcomer)
                .then()
                .statusCode(403);

        given().header("Authorization", adminToken)
                .delete("/api/agencies/" + id + "/members/" + newcomer)
                .then()
                .statusCode(204);
        assertTrue(!roles.grantsOf(id).containsKey(newcomer));
        // A suspended agency's admin can do nothing.
        Api.act(UUID.randomUUID().toString(), id, "suspend").statusCode(200);
        given().header("Authorization", adminToken)
                .get("/api/agencies/" + id + "/members")
                .then()
                .statusCode(403);
    }
}

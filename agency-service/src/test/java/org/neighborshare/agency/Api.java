package org.neighborshare.agency;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.neighborshare.testsupport.TestTokens;

/** Calls agency-service as the gateway would, with tokens for the given caller. */
final class Api {

    static final String SQUARE =
            "{\"type\":\"Polygon\",\"coordinates\":[[[-1,50],[-0.9,50],[-0.9,50.1],[-1,50.1],[-1,50]]]}";

    private Api() {}

    static String domain() {
        return "pd-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    static String application(String domain, String jurisdiction) {
        return """
                {"officialName":"Testville Police Department","type":"POLICE","officialDomain":"%s",
                 "website":"https://%s","jurisdiction":%s,
                 "authorizingOfficial":{"name":"Ann Chief","title":"Chief of Police","email":"chief@%s"},
                 "policyAccepted":true}""".formatted(domain, domain, jurisdiction, domain);
    }

    static String applicant(String id, String email) {
        return TestTokens.forService("agency-service")
                .user(id, "applicant")
                .email(email, true)
                .bearer();
    }

    static String reviewer(String id) {
        return TestTokens.forService("agency-service")
                .user(id, "rev-" + id)
                .role("reviewer")
                .bearer();
    }

    static String agencyAdmin(String userId, String agencyId) {
        return TestTokens.forService("agency-service")
                .user(userId, "admin")
                .agencyRole(agencyId, "agency-admin")
                .bearer();
    }

    /** The service account other services read an agency's state with. */
    static String directoryReader() {
        return TestTokens.forService("agency-service").role("agency-directory").bearer();
    }

    /** A signed-in caller with no role: what the public directory is for. */
    static String anyone() {
        return TestTokens.forService("agency-service").bearer();
    }

    /** Applies with a verified e-mail on the declared domain; returns the agency id. */
    static String apply(String applicantId, String domain) {
        return given().header("Authorization", applicant(applicantId, "chief@" + domain))
                .contentType(ContentType.JSON)
                .body(application(domain, SQUARE))
                .post("/api/agency-applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static ValidatableResponse check(String reviewerId, String agencyId, String item) {
        return given().header("Authorization", reviewer(reviewerId))
                .contentType(ContentType.JSON)
                .body("{\"note\":\"checked against the state register\"}")
                .post("/api/vetting/" + agencyId + "/checks/" + item)
                .then();
    }

    static ValidatableResponse decide(String reviewerId, String agencyId, String decision) {
        return given().header("Authorization", reviewer(reviewerId))
                .contentType(ContentType.JSON)
                .body("{\"decision\":\"" + decision + "\",\"reason\":\"vetting complete\"}")
                .post("/api/vetting/" + agencyId + "/decision")
                .then();
    }

    /** A reviewer suspends, reinstates or revokes the agency. */
    static ValidatableResponse act(String reviewerId, String agencyId, String action) {
        return act(reviewerId, agencyId, action, action + " for the test");
    }

    static ValidatableResponse act(String reviewerId, String agencyId, String action, String reason) {
        return given().header("Authorization", reviewer(reviewerId))
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"" + reason + "\"}")
                .post("/api/agencies/" + agencyId + "/" + action)
                .then();
    }

    /** The agency's public history, as anyone reads it. */
    static ValidatableResponse history(String agencyId) {
        return given().header("Authorization", anyone())
                .get("/api/public/agencies/" + agencyId + "/history")
                .then();
    }

    /** A fully vetted, approved agency: two reviewers, every item. */
    static String approved(String applicantId) {
        String id = apply(applicantId, domain());
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        check(a, id, "JURISDICTION").statusCode(200);
        check(a, id, "AUTHORIZING_OFFICIAL").statusCode(200);
        decide(b, id, "APPROVE").statusCode(200);
        return id;
    }
}

package org.neighborshare.agency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neighborshare.testsupport.PostgresResource;
import org.neighborshare.testsupport.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class AgencyApiTest {

    static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[-1,50],[-0.9,50],[-0.9,50.1],[-1,50.1],[-1,50]]]}";
    static final String BOW_TIE = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}";

    static String application(String domain, String jurisdiction) {
        return """
                {"officialName":"Testville Fire Department","type":"FIRE","officialDomain":"%s",
                 "website":"https://%s","jurisdiction":%s,
                 "authorizingOfficial":{"name":"Ann Chief","title":"Fire Chief","email":"chief@%s"},
                 "policyAccepted":true}""".formatted(domain, domain, jurisdiction, domain);
    }

    static String applicant(String id) {
        return TestTokens.forService("agency-service").user(id, "applicant").email("a@x.example", true).bearer();
    }

    static String reviewer(String id) {
        return TestTokens.forService("agency-service").user(id, "rev").role("reviewer").bearer();
    }

    @Test
    void callWithoutGatewayTokenIsRefused() {
        given().get("/api/public/agencies").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        given().get("/api/nowhere").then().statusCode(401);
        given().header("Authorization", "Bearer not.a.token").get("/api/public/agencies").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void tokenMintedForAnotherServiceIsRefused() {
        String foreign = TestTokens.forService("request-service").role("reviewer").bearer();
        given().header("Authorization", foreign).get("/api/vetting/queue").then().statusCode(401);
    }

    @Test
    void healthNeedsNoToken() {
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void applyThenApproveShowsInDirectory() {
        String domain = "fd-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String applicantId = UUID.randomUUID().toString();
        String id = given().header("Authorization", applicant(applicantId)).contentType(ContentType.JSON)
                .body(application(domain, SQUARE))
                .post("/api/agency-applications").then().statusCode(201)
                .body("state", equalTo("APPLIED")).extract().path("id");

        given().header("Authorization", applicant(applicantId)).get("/api/agency-applications/mine")
                .then().statusCode(200).body("id", hasItem(id));

        given().header("Authorization", reviewer(applicantId)).contentType(ContentType.JSON)
                .body("{\"decision\":\"APPROVE\",\"reason\":\"self\"}")
                .post("/api/vetting/" + id + "/decision").then().statusCode(403)
                .contentType("application/problem+json");

        given().header("Authorization", reviewer(UUID.randomUUID().toString())).contentType(ContentType.JSON)
                .body("{\"decision\":\"APPROVE\",\"reason\":\"checked\"}")
                .post("/api/vetting/" + id + "/decision").then().statusCode(200).body("state", equalTo("APPROVED"));

        given().header("Authorization", TestTokens.forService("agency-service").bearer())
                .get("/api/public/agencies").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void badPolygonIsRejectedAndNothingStored() {
        String domain = "bad-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String applicantId = UUID.randomUUID().toString();
        given().header("Authorization", applicant(applicantId)).contentType(ContentType.JSON)
                .body(application(domain, BOW_TIE))
                .post("/api/agency-applications").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("jurisdiction"));
        given().header("Authorization", applicant(applicantId)).get("/api/agency-applications/mine")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void serverOwnedFieldsCannotBeSet() {
        String body = application("x-" + UUID.randomUUID().toString().substring(0, 8) + ".example", SQUARE)
                .replace("\"policyAccepted\":true", "\"policyAccepted\":true,\"state\":\"APPROVED\"");
        given().header("Authorization", applicant(UUID.randomUUID().toString())).contentType(ContentType.JSON)
                .body(body).post("/api/agency-applications").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
    }

    @Test
    void ownerCannotVet() {
        given().header("Authorization", TestTokens.forService("agency-service").role("owner").bearer())
                .get("/api/vetting/queue").then().statusCode(403).contentType("application/problem+json")
                .body("detail", not(equalTo(null)));
    }
}

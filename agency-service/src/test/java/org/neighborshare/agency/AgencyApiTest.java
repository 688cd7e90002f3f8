package org.neighborshare.agency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neighborshare.testsupport.PostgresResource;
import org.neighborshare.testsupport.TestTokens;

/** The service's door (I6), enrolment input rules and the public directory. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class AgencyApiTest {

    static final String BOW_TIE = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}";
    static final String UNCLOSED = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}";

    @Test
    void callWithoutGatewayTokenIsRefused() {
        given().get("/api/public/agencies")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
        given().get("/api/nowhere").then().statusCode(401);
        given().header("Authorization", "Bearer not.a.token")
                .get("/api/public/agencies")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void tokenMintedForAnotherServiceIsRefused() {
        String foreign =
                TestTokens.forService("request-service").role("reviewer").bearer();
        given().header("Authorization", foreign)
                .get("/api/vetting/queue")
                .then()
                .statusCode(401);
    }

    @TestHTTPResource(value = "/health/ready", management = true)
    URL managementHealth;

    @Test
    void healthIsOnTheManagementPortWithoutATokenAndNotOnTheApiPort() {
        given().get(managementHealth).then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void badPolygonsAreRejectedNamingTheFieldAndNothingIsStored() {
        String applicantId = UUID.randomUUID().toString();
        StringBuilder big = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i < 2001; i++) {
            double t = 2 * Math.PI * i / 2001;
            big.append('[').append(Math.cos(t)).append(',').append(Math.sin(t)).append("],");
        }
        big.append("[1.0,0.0]]]}");
        for (String polygon :
                new String[] {BOW_TIE, UNCLOSED, big.toString(), "{\"type\":\"Point\",\"coordinates\":[0,0]}"}) {
            given().header("Authorization", Api.applicant(applicantId, "x@y.example"))
                    .contentType(ContentType.JSON)
                    .body(Api.application(Api.domain(), polygon))
                    .post("/api/agency-applications")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("jurisdiction"));
        }
        given().header("Authorization", Api.applicant(applicantId, "x@y.example"))
                .get("/api/agency-applications/mine")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void unknownTypeAndMissingAttestationAreRejected() {
        String body = Api.application(Api.domain(), Api.SQUARE);
        given().header("Authorization", Api.applicant(UUID.randomUUID().toString(), "x@y.example"))
                .contentType(ContentType.JSON)
                .body(body.replace("\"POLICE\"", "\"MILITIA\""))
                .post("/api/agency-applications")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
        given().header("Authorization", Api.applicant(UUID.randomUUID().toString(), "x@y.example"))
                .contentType(ContentType.JSON)
                .body(body.replace("\"policyAccepted\":true", "\"policyAccepted\":false"))
                .post("/api/agency-applications")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("policyAccepted"));
    }

    @Test
    void aSecondOpenApplicationForADomainIsAConflict() {
        String domain = Api.domain();
        Api.apply(UUID.randomUUID().toString(), domain);
        given().header("Authorization", Api.applicant(UUID.randomUUID().toString(), "z@" + domain))
                .contentType(ContentType.JSON)
                .body(Api.application(domain, Api.SQUARE))
                .post("/api/agency-applications")
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("officialDomain"));
    }

    @Test
    void serverOwnedFieldsCannotBeSet() {
        for (String field :
                new String[] {"\"state\":\"APPROVED\"", "\"approvedBy\":\"me\"", "\"id\":\"" + UUID.randomUUID() + "\""
                }) {
            String body = Api.application(Api.domain(), Api.SQUARE)
                    .replace("\"policyAccepted\":true", "\"policyAccepted\":true," + field);
            given().header("Authorization", Api.applicant(UUID.randomUUID().toString(), "x@y.example"))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/agency-applications")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void directoryShowsApprovedAndRejectedWithReasonsButNotPendingApplications() {
        String approved = Api.approved(UUID.randomUUID().toString());
        Api.act(UUID.randomUUID().toString(), approved, "suspend").statusCode(200);
        String rejected = Api.apply(UUID.randomUUID().toString(), Api.domain());
        Api.decide(UUID.randomUUID().toString(), rejected, "REJECT")
                .statusCode(200)
                .body("state", equalTo("REJECTED"));
        String pending = Api.apply(UUID.randomUUID().toString(), Api.domain());

        given().header("Authorization", Api.anyone())
                .get("/api/public/agencies")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + approved + "' }.state", equalTo("SUSPENDED"))
                .body("find { it.id == '" + approved + "' }.stateReason", equalTo("suspend for the test"))
                .body("find { it.id == '" + rejected + "' }.stateReason", equalTo("vetting complete"))
                .body("id", not(hasItem(pending)));
    }

    @Test
    void ownerCannotVet() {
        given().header(
                        "Authorization",
                        TestTokens.forService("agency-service").role("owner").bearer())
                .get("/api/vetting/queue")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void websiteMustBeAnHttpsUrlWithAHostAndNoUserInfoOrUnsafeCharacters() {
        for (String refused : new String[] {
            "http://pd.example",
            "file:///etc/passwd",
            "gopher://127.0.0.1:70/_x",
            "javascript:alert(1)",
            "ftp://pd.example",
            "https://",
            "https:///etc/passwd",
            "https://localhost/",
            "https://user:secret@pd.example/",
            "https://pd.example@evil.example/",
            "https://pd.example/a b",
            "https://pd.example/\"onmouseover=\"alert(1)",
            "https://pd.example/<script>",
            "https://pd.example\\@evil.example",
            "https://pd.example/\u0000",
            "https://256.1.1.1/",
            " https://pd.example"
        }) {
            String body = Api.application(Api.domain(), Api.SQUARE)
                    .replaceFirst(
                            "\"website\":\"[^\"]*\"",
                            java.util.regex.Matcher.quoteReplacement("\"website\":" + json(refused)));
            given().header("Authorization", Api.applicant(UUID.randomUUID().toString(), "x@y.example"))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/agency-applications")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("website"));
        }
        for (String accepted : new String[] {
            "https://www.pd.example",
            "https://city.example:8443/police/?lang=en#top",
            "https://pd.example/a%20b",
            "https://127.0.0.1:8443/"
        }) {
            String body = Api.application(Api.domain(), Api.SQUARE)
                    .replaceFirst(
                            "\"website\":\"[^\"]*\"",
                            java.util.regex.Matcher.quoteReplacement("\"website\":" + json(accepted)));
            given().header("Authorization", Api.applicant(UUID.randomUUID().toString(), "x@y.example"))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/agency-applications")
                    .then()
                    .statusCode(201)
                    .body("website", equalTo(accepted));
        }
    }

    @Test
    void jurisdictionIsStoredAsAPlainPolygonWhateverElseWasSent() {
        String decorated =
                "{\"type\":\"Polygon\",\"crs\":{\"type\":\"link\",\"properties\":{\"href\":\"http://127.0.0.1:1/crs\"}},"
                        + "\"bbox\":[-1,50,-0.9,50.1],\"id\":\"<b>x</b>\",\"coordinates\":[[[-1,50,12],[-0.9,50,\"junk\"],[-0.9,50.1],"
                        + "[-1,50.1],[-1,50]]]}";
        String id = given().header(
                        "Authorization", Api.applicant(UUID.randomUUID().toString(), "x@y.example"))
                .contentType(ContentType.JSON)
                .body(Api.application(Api.domain(), decorated))
                .post("/api/agency-applications")
                .then()
                .statusCode(201)
                .body("jurisdiction.keySet()", org.hamcrest.Matchers.containsInAnyOrder("type", "coordinates"))
                .body("jurisdiction.coordinates[0][0]", org.hamcrest.Matchers.hasSize(2))
                .body("jurisdiction.coordinates[0][1]", org.hamcrest.Matchers.hasSize(2))
                .extract()
                .path("id");
        given().header("Authorization", Api.reviewer(UUID.randomUUID().toString()))
                .get("/api/vetting/" + id)
                .then()
                .statusCode(200)
                .body("agency.jurisdiction.keySet()", org.hamcrest.Matchers.containsInAnyOrder("type", "coordinates"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("127.0.0.1")));
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}

package org.neighborshare.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.neighborshare.testsupport.TestTokens;

/**
 * Calls request-service as the gateway would, with tokens minted for the given caller, and the bodies it takes.
 * Every request is centred in Riverton, the jurisdiction {@link TestAgencies} gives every agency.
 */
final class Api {

    private Api() {}

    // ---- callers ----

    static String investigator(UUID agency) {
        return TestTokens.forService("request-service")
                .agencyRole(agency, "investigator")
                .bearer();
    }

    static String reviewer() {
        return TestTokens.forService("request-service").role("reviewer").bearer();
    }

    /** consent-service's service account, which reads the event feed. */
    static String feedReader() {
        return TestTokens.forService("request-service").role("feed-reader").bearer();
    }

    /** A signed-in caller with no role: what the public record is for. */
    static String anyone() {
        return TestTokens.forService("request-service").bearer();
    }

    // ---- bodies ----

    static String body(String caseNumber, Instant start, Instant end, double radius) {
        return body(caseNumber, start, end, radius, 45.52, -122.67);
    }

    static String body(String caseNumber, Instant start, Instant end, double radius, double lat, double lon) {
        return """
                {"caseNumber":"%s","incidentType":"BURGLARY","description":"Break-in at a garage",
                 "windowStart":"%s","windowEnd":"%s",
                 "area":{"latitude":%s,"longitude":%s,"radiusMeters":%s},
                 "contact":"desk@riverton-pd.example"}""".formatted(caseNumber, start, end, lat, lon, radius);
    }

    /** A request within every limit: one hour ending two hours ago, 300 m round a point in Riverton. */
    static String validBody(String caseNumber) {
        Instant end = Instant.now().minus(2, ChronoUnit.HOURS);
        return body(caseNumber, end.minus(1, ChronoUnit.HOURS), end, 300);
    }

    // ---- calls ----

    /** An investigator of the agency creates a valid request; returns its id. */
    static String create(UUID agency, String caseNumber) {
        return given().header("Authorization", investigator(agency))
                .contentType(ContentType.JSON)
                .body(validBody(caseNumber))
                .post("/api/agencies/" + agency + "/requests")
                .then()
                .statusCode(201)
                .body("state", equalTo("PENDING_REVIEW"))
                .extract()
                .path("id");
    }

    static Response decide(String bearer, String id, String decision) {
        return given().header("Authorization", bearer)
                .contentType(ContentType.JSON)
                .body("{\"decision\":\"" + decision + "\",\"reason\":\"checked\"}")
                .post("/api/moderation/requests/" + id + "/decision");
    }

    /** A reviewer publishes the request; returns its id. */
    static String publish(String id) {
        decide(reviewer(), id, "PUBLISH").then().statusCode(200);
        return id;
    }
}

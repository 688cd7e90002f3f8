package org.neighborshare.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;

/** Footage-request steps shared by the end-to-end scenarios. */
public final class Requests {

    private Requests() {}

    public static String body(String caseNumber, double lat, double lon) {
        Instant end = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"caseNumber":"%s","incidentType":"BURGLARY","description":"Garage break-in on Elm Street",
                 "windowStart":"%s","windowEnd":"%s",
                 "area":{"latitude":%s,"longitude":%s,"radiusMeters":300},
                 "contact":"detectives@riverton-pd.example"}""".formatted(caseNumber, end.minus(1, ChronoUnit.HOURS), end, lat, lon);
    }

    /** The seeded investigator posts a request for Riverton and a reviewer publishes it; returns its id. */
    public static String postAndPublish(String caseNumber) {
        return postAndPublishAt(caseNumber, DemoData.CAMERA_LAT, DemoData.CAMERA_LON);
    }

    /** As {@link #postAndPublish(String)}, for an area of 300 m around the given point in Riverton. */
    public static String postAndPublishAt(String caseNumber, double lat, double lon) {
        String id = Gateway.as(DemoData.INVESTIGATOR)
                .body(body(caseNumber, lat, lon))
                .post("/api/agencies/" + DemoData.RIVERTON + "/requests")
                .then()
                .statusCode(201)
                .body("state", equalTo("PENDING_REVIEW"))
                .extract()
                .path("id");
        Gateway.as(DemoData.REVIEWER_2)
                .body("{\"decision\":\"PUBLISH\",\"reason\":\"specific incident, proportionate area\"}")
                .post("/api/moderation/requests/" + id + "/decision")
                .then()
                .statusCode(200)
                .body("state", equalTo("PUBLISHED"));
        return id;
    }

    public static List<String> inbox(String owner) {
        JsonPath body = Gateway.as(owner)
                .get("/api/me/inbox")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return body.getList("requestId", String.class);
    }

    /** Polls an owner's inbox until it satisfies {@code condition}; fails after {@code within}. */
    public static List<String> awaitInbox(String owner, Predicate<List<String>> condition, Duration within) {
        Instant deadline = Instant.now().plus(within);
        List<String> last = List.of();
        while (Instant.now().isBefore(deadline)) {
            last = inbox(owner);
            if (condition.test(last)) {
                return last;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail(owner + "'s inbox never satisfied the condition within " + within + "; last seen " + last);
        return last;
    }
}

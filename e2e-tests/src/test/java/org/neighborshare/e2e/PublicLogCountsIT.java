package org.neighborshare.e2e;

import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public request log carries consent-service's aggregate counts (request-service → gateway → consent-service
 * with its client-credentials token), and a count of fewer than 5 owners is published as null (invariant I2).
 */
@ExtendWith(RunningSuite.class)
class PublicLogCountsIT {

    /** Inside Riverton, ~1.6 km from the demo cameras, so only this test's cameras are there. */
    static final double LAT = 45.5080;

    static final double LON = -122.6850;

    @Test
    void countsOfFewerThanFiveOwnersAreSuppressedHoweverManyCameras() {
        List<String[]> cameras = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                cameras.add(camera(DemoData.BOB, "Bob's shed " + i));
            }
            String few = Requests.postAndPublishAt("CNT-" + tag(), LAT, LON);
            Requests.awaitInbox(DemoData.BOB, ids -> ids.contains(few), Duration.ofSeconds(15));
            cameras.add(camera(DemoData.ALICE, "Alice's gate"));
            String enough = Requests.postAndPublishAt("CNT-" + tag(), LAT, LON);
            Requests.awaitInbox(DemoData.ALICE, ids -> ids.contains(enough), Duration.ofSeconds(15));

            String fewItem = "find { it.id == '" + few + "' }.";
            String enoughItem = "find { it.id == '" + enough + "' }.";
            Gateway.anonymous()
                    .get("/api/public/requests")
                    .then()
                    .statusCode(200)
                    // 4 cameras: consent-service answered, and suppressed it.
                    .body(fewItem + "counts", hasKey("camerasReached"))
                    .body(fewItem + "counts.camerasReached", nullValue())
                    // 5 cameras, but of 2 owners: owners decide suppression (ConsentIntegrityIT shows a published
                    // count of 5+ owners).
                    .body(enoughItem + "counts", hasKey("camerasReached"))
                    .body(enoughItem + "counts.camerasReached", nullValue())
                    // Nobody has shared yet.
                    .body(enoughItem + "counts.neighboursShared", nullValue())
                    .body(enoughItem + "counts.clips", nullValue());
        } finally {
            for (String[] c : cameras) {
                Gateway.as(c[0]).delete("/api/me/cameras/" + c[1]).then().statusCode(204);
            }
        }
    }

    private static String[] camera(String owner, String label) {
        String id = Gateway.as(owner)
                .body("{\"label\":\"%s\",\"latitude\":%s,\"longitude\":%s}".formatted(label, LAT, LON))
                .post("/api/me/cameras")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return new String[] {owner, id};
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

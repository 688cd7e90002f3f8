package org.neighborshare.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The walking skeleton of issue 2: apply → approve → an investigator posts a request → a reviewer publishes it →
 * it reaches consent-service through the event feed → the owners whose cameras are in the area see it. Every
 * call goes through the gateway with a token from the real Keycloak; every store is a real PostgreSQL.
 */
@ExtendWith(RunningSuite.class)
class WalkingSkeletonIT {

    @Test
    void applicantAppliesAndTwoReviewersApprove() {
        String id = Agencies.applyForSpringfield();
        Gateway.as(DemoData.APPLICANT)
                .get("/api/agency-applications/mine")
                .then()
                .statusCode(200)
                .body("id", hasItem(id));
        Gateway.as(DemoData.REVIEWER_1)
                .get("/api/vetting/queue")
                .then()
                .statusCode(200)
                .body("agency.id", hasItem(id));

        Agencies.vetAndApprove(id);

        Gateway.anonymous()
                .get("/api/public/agencies")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + id + "' }.state", equalTo("APPROVED"))
                .body("find { it.id == '" + id + "' }.approvedAt", notNullValue());
    }

    @Test
    void publishedRequestReachesTheOwnersInTheAreaThroughTheFeed() {
        String requestId =
                Requests.postAndPublish("RPD-" + UUID.randomUUID().toString().substring(0, 8));

        Requests.awaitInbox(DemoData.ALICE, ids -> ids.contains(requestId), Duration.ofSeconds(15));
        Requests.awaitInbox(DemoData.BOB, ids -> ids.contains(requestId), Duration.ofSeconds(15));

        // The agency's investigator sees its own request published; the public log lists it.
        Gateway.as(DemoData.INVESTIGATOR)
                .get("/api/agencies/" + DemoData.RIVERTON + "/requests/" + requestId)
                .then()
                .statusCode(200)
                .body("state", equalTo("PUBLISHED"));
        Gateway.anonymous().get("/api/public/requests").then().statusCode(200).body("id", hasItem(requestId));
    }
}

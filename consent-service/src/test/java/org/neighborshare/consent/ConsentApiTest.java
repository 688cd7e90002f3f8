package org.neighborshare.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neighborshare.consent.Api.camera;
import static org.neighborshare.consent.Api.owner;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neighborshare.consent.feed.FeedApplier;
import org.neighborshare.shared.events.FeedPage;
import org.neighborshare.testsupport.PostgresResource;
import org.neighborshare.testsupport.TestTokens;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ConsentApiTest {

    @Inject
    FeedApplier applier;

    @Test
    void publishedRequestReachesOnlyOwnersWithActiveCamerasInTheArea() {
        Neighbourhood here = new Neighbourhood(10, 20);
        double lat = here.lat;
        double lon = here.lon;
        String inside = UUID.randomUUID().toString();
        String outside = UUID.randomUUID().toString();
        String paused = UUID.randomUUID().toString();
        String optedOut = UUID.randomUUID().toString();
        camera(inside, lat + 0.001, lon); // ~111 m north: inside a 300 m circle
        camera(outside, lat + 0.01, lon); // ~1.1 km north: outside
        String pausedCam = camera(paused, lat, lon + 0.001);
        given().header("Authorization", owner(paused))
                .post("/api/me/cameras/" + pausedCam + "/pause")
                .then()
                .statusCode(200)
                .body("status", equalTo("PAUSED"));
        camera(optedOut, lat, lon);
        given().header("Authorization", owner(optedOut))
                .contentType(ContentType.JSON)
                .body("{\"optedOut\":true}")
                .put("/api/me/settings")
                .then()
                .statusCode(200);

        UUID requestId = UUID.randomUUID();
        FeedPage.Event event = here.publication(Api.nextSeq(), requestId);
        assertTrue(applier.apply(event));
        assertFalse(applier.apply(event), "the same event id must be applied once");

        given().header("Authorization", owner(inside))
                .get("/api/me/inbox")
                .then()
                .statusCode(200)
                .body("requestId", hasItem(requestId.toString()))
                .body("size()", equalTo(1));
        for (String nobody : new String[] {outside, paused, optedOut}) {
            given().header("Authorization", owner(nobody))
                    .get("/api/me/inbox")
                    .then()
                    .statusCode(200)
                    .body("requestId", not(hasItem(requestId.toString())));
        }
    }

    @Test
    void anotherOwnersCameraIsNotFound() {
        String alice = UUID.randomUUID().toString();
        String cam = camera(alice, 1, 1);
        String mallory = UUID.randomUUID().toString();
        given().header("Authorization", owner(mallory))
                .delete("/api/me/cameras/" + cam)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", owner(mallory))
                .delete("/api/me/cameras/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        given().header("Authorization", owner(alice))
                .get("/api/me/cameras")
                .then()
                .body("id", hasItem(cam));
    }

    @Test
    void badCameraInputNamesTheField() {
        given().header("Authorization", owner(UUID.randomUUID().toString()))
                .contentType(ContentType.JSON)
                .body("{\"label\":\"cam\",\"latitude\":123,\"longitude\":1}")
                .post("/api/me/cameras")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("latitude"));
    }

    @Test
    void agencyTokenCannotReadAnInbox() {
        given().header(
                        "Authorization",
                        TestTokens.forService("consent-service")
                                .agencyRole(UUID.randomUUID(), "investigator")
                                .bearer())
                .get("/api/me/inbox")
                .then()
                .statusCode(403);
    }
}

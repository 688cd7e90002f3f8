package org.neighborshare.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neighborshare.consent.Api.answer;
import static org.neighborshare.consent.Api.download;
import static org.neighborshare.consent.Api.newId;
import static org.neighborshare.consent.Api.owner;
import static org.neighborshare.consent.Api.share;
import static org.neighborshare.consent.Api.video;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neighborshare.testsupport.PostgresResource;

/**
 * Owners reach nothing of another owner: someone else's camera, clip, share or request is 404, like a missing one,
 * and trying changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class OwnerIsolationTest {

    // Each test its own place and window, far from the other test classes' cameras.
    final Neighbourhood here = new Neighbourhood(-40, 130);

    @Test
    void someoneElsesCameraClipShareOrRequestIsNotFound() {
        UUID agency = UUID.randomUUID();
        String alice = newId();
        String mallory = newId();
        String aliceCam = here.camera(alice);
        here.camera(mallory); // the request reaches mallory's inbox too
        UUID request = here.publish(agency);
        String clip = here.clip(alice, aliceCam);
        String shareId = share(alice, request, clip);

        given().header("Authorization", owner(mallory))
                .contentType("video/mp4")
                .queryParam("cameraId", aliceCam)
                .queryParam("recordedAt", here.inWindow.toString())
                .body(video(100))
                .post("/api/me/clips")
                .then()
                .statusCode(404);
        answer(mallory, request, "{\"answer\":\"SHARE\",\"clipIds\":[\"" + clip + "\"]}", 404);
        given().header("Authorization", owner(mallory))
                .get("/api/me/clips/" + clip)
                .then()
                .statusCode(404);
        given().header("Authorization", owner(mallory))
                .delete("/api/me/shares/" + shareId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", owner(mallory))
                .delete("/api/me/shares/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        answer(mallory, UUID.randomUUID(), "{\"answer\":\"DECLINE\"}", 404);
        // Mallory's attempts changed nothing.
        assertEquals(200, download(agency, request, clip));
        given().header("Authorization", owner(mallory))
                .get("/api/me/clips")
                .then()
                .body("size()", equalTo(0));
        given().header("Authorization", owner(mallory))
                .get("/api/me/shares")
                .then()
                .body("size()", equalTo(0));
        given().header("Authorization", owner(alice))
                .get("/api/me/clips/" + clip)
                .then()
                .statusCode(200)
                .body("cameraId", equalTo(aliceCam));
    }
}

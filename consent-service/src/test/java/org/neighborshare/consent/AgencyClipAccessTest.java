package org.neighborshare.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.neighborshare.consent.Api.answer;
import static org.neighborshare.consent.Api.clipsPath;
import static org.neighborshare.consent.Api.download;
import static org.neighborshare.consent.Api.investigator;
import static org.neighborshare.consent.Api.newId;
import static org.neighborshare.consent.Api.owner;
import static org.neighborshare.consent.Api.sha256;
import static org.neighborshare.consent.Api.share;
import static org.neighborshare.consent.Api.video;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neighborshare.testsupport.PostgresResource;

/**
 * Invariant I1: an agency gets exactly the clips shared for its request, with the uploaded bytes and hash, every
 * download in the owner's access log, and nothing else: not a clip that was not shared, not one shared for another
 * request, nothing after revocation.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class AgencyClipAccessTest {

    // Each test its own place and window, far from the other test classes' cameras.
    final Neighbourhood here = new Neighbourhood(-40, 100);

    @Test
    void sharedClipReachesTheAgencyWithTheUploadedBytesAndHash() throws Exception {
        UUID agency = UUID.randomUUID();
        String alice = newId();
        String cam = here.camera(alice);
        UUID request = here.publish(agency);
        byte[] bytes = video(300_000);
        String sha = sha256(bytes);

        String clip = given().header("Authorization", owner(alice))
                .contentType("video/mp4")
                .queryParam("cameraId", cam)
                .queryParam("recordedAt", here.inWindow.toString())
                .body(bytes)
                .post("/api/me/clips")
                .then()
                .statusCode(201)
                .body("sha256", equalTo(sha))
                .body("size", equalTo(bytes.length))
                .body("contentType", equalTo("video/mp4"))
                .body("cameraId", equalTo(cam))
                .extract()
                .path("id");

        ExtractableResponse<Response> answered =
                answer(alice, request, "{\"answer\":\"SHARE\",\"clipIds\":[\"" + clip + "\"]}", 201);
        assertEquals("SHARE", answered.path("answer"));
        assertEquals("Neighbor 1", answered.path("share.neighbor"));
        assertEquals(30, (int) answered.path("share.retentionDays"));
        assertEquals(false, answered.path("share.allowCopies"));
        assertEquals(
                Instant.parse(answered.path("share.createdAt")).plus(Duration.ofDays(30)),
                Instant.parse(answered.path("share.expiresAt")));
        given().header("Authorization", owner(alice))
                .get("/api/me/inbox")
                .then()
                .body("find { it.requestId == '" + request + "' }.response", equalTo("SHARE"));

        String listed = given().header("Authorization", investigator(agency))
                .get(clipsPath(agency, request))
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].clipId", equalTo(clip))
                .body("[0].neighbor", equalTo("Neighbor 1"))
                .body("[0].sha256", equalTo(sha))
                .body("[0].size", equalTo(bytes.length))
                .body("[0].contentType", equalTo("video/mp4"))
                .body("[0].allowCopies", equalTo(false))
                .body("[0].shareExpiresAt", notNullValue())
                .extract()
                .asString();
        // I2: nothing that identifies or locates the owner.
        for (String secret : List.of(alice, cam, "ownerId", "cameraId", "Porch", "latitude", "longitude", "email")) {
            assertFalse(listed.contains(secret), "agency's clip list leaks " + secret + ": " + listed);
        }

        String investigatorId = newId();
        ExtractableResponse<Response> content = given().header("Authorization", investigator(agency, investigatorId))
                .get(clipsPath(agency, request) + "/" + clip + "/content")
                .then()
                .statusCode(200)
                .header("Content-Type", startsWith("video/mp4"))
                .header("Content-Length", String.valueOf(bytes.length))
                .header("X-Content-SHA256", sha)
                .header("Content-Disposition", startsWith("attachment"))
                .extract();
        byte[] downloaded = content.asByteArray();
        assertArrayEquals(bytes, downloaded);
        assertEquals(sha, sha256(downloaded));

        given().header("Authorization", owner(alice))
                .get("/api/me/access-log")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].action", equalTo("DOWNLOAD"))
                .body("[0].clipId", equalTo(clip))
                .body("[0].requestId", equalTo(request.toString()))
                .body("[0].agencyId", equalTo(agency.toString()))
                .body("[0].accessorId", equalTo(investigatorId))
                .body("[0].sha256", equalTo(sha));
        given().header("Authorization", owner(alice))
                .get("/api/me/shares")
                .then()
                .statusCode(200)
                .body("[0].firstDownloadAt", notNullValue())
                .body("[0].status", equalTo("ACTIVE"));
    }

    @Test
    void agencyCannotReachClipsNotSharedForItsRequest() {
        UUID agencyA = UUID.randomUUID();
        UUID agencyB = UUID.randomUUID();
        String alice = newId();
        String bob = newId();
        String aliceCam = here.camera(alice);
        String bobCam = here.camera(bob);
        UUID x = here.publish(agencyA);
        UUID z = here.publish(agencyA);
        UUID y = here.publish(agencyB);
        String shared = here.clip(alice, aliceCam);
        String notShared = here.clip(alice, aliceCam);
        String declinersClip = here.clip(bob, bobCam);
        share(alice, x, shared);
        answer(bob, x, "{\"answer\":\"DECLINE\"}", 200);

        String listed = given().header("Authorization", investigator(agencyA))
                .get(clipsPath(agencyA, x))
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("clipId", hasItem(shared))
                .extract()
                .asString();
        assertFalse(listed.contains("DECLINE"), "a decline must never be visible to the agency");
        assertEquals(200, download(agencyA, x, shared));
        assertEquals(404, download(agencyA, x, notShared), "uploaded but never shared");
        assertEquals(404, download(agencyA, x, declinersClip), "its owner declined");
        assertEquals(404, download(agencyA, z, shared), "shared for another request of the same agency");
        given().header("Authorization", investigator(agencyA))
                .get(clipsPath(agencyA, z))
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        // Another agency: through its own path the request is not its own; through A's path it holds no role.
        assertEquals(404, download(agencyB, x, shared));
        given().header("Authorization", investigator(agencyB))
                .get(clipsPath(agencyB, x))
                .then()
                .statusCode(404);
        given().header("Authorization", investigator(agencyB))
                .get(clipsPath(agencyA, x) + "/" + shared + "/content")
                .then()
                .statusCode(403);
        given().header("Authorization", investigator(agencyA))
                .get(clipsPath(agencyA, y))
                .then()
                .statusCode(404);
        given().header("Authorization", owner(alice))
                .get(clipsPath(agencyA, x))
                .then()
                .statusCode(403);
        given().header("Authorization", owner(alice))
                .get("/api/me/access-log")
                .then()
                .body("size()", equalTo(1))
                .body("clipId", everyItem(equalTo(shared)));
    }

    @Test
    void revocationStopsFurtherDownloadsAndTheAccessLogKeepsTheEarlierOne() {
        UUID agency = UUID.randomUUID();
        String alice = newId();
        String cam = here.camera(alice);
        UUID request = here.publish(agency);
        String clip = here.clip(alice, cam);
        String shareId = share(alice, request, clip);
        assertEquals(200, download(agency, request, clip));

        String revokedAt = given().header("Authorization", owner(alice))
                .delete("/api/me/shares/" + shareId)
                .then()
                .statusCode(200)
                .body("shareId", equalTo(shareId))
                .body("agencyHadDownloaded", equalTo(true))
                .body("firstDownloadAt", notNullValue())
                .extract()
                .path("revokedAt");
        assertEquals(404, download(agency, request, clip));
        given().header("Authorization", investigator(agency))
                .get(clipsPath(agency, request))
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        given().header("Authorization", owner(alice))
                .get("/api/me/access-log")
                .then()
                .body("size()", equalTo(1))
                .body("[0].action", equalTo("DOWNLOAD"))
                .body("[0].clipId", equalTo(clip));
        // Revoking again changes nothing.
        given().header("Authorization", owner(alice))
                .delete("/api/me/shares/" + shareId)
                .then()
                .statusCode(200)
                .body("revokedAt", equalTo(revokedAt));

        String clip2 = here.clip(alice, cam);
        String share2 = share(alice, request, clip2);
        given().header("Authorization", owner(alice))
                .delete("/api/me/shares/" + share2)
                .then()
                .statusCode(200)
                .body("agencyHadDownloaded", equalTo(false))
                .body("firstDownloadAt", nullValue());
        assertEquals(404, download(agency, request, clip2));
        given().header("Authorization", owner(alice))
                .get("/api/me/shares")
                .then()
                .body("status", everyItem(equalTo("REVOKED")));
    }
}

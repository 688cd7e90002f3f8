package org.neighborshare.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input to the owner's clip routes, through the gateway: refused with a problem naming what is wrong, and
 * nothing stored or changed. The starting state is {@link SharingScenario}.
 */
@ExtendWith(RunningSuite.class)
class ClipBadInputIT {

    /** consent-service's default {@code consent.clips.max-size} (500M), which the e2e suite keeps. */
    static final long CLIP_LIMIT = 500L * 1024 * 1024;

    static SharingScenario s;

    @BeforeAll
    static void scenario() {
        s = SharingScenario.get();
    }

    @Test
    void uploadWithAContentTypeThatIsNoVideoIs415AndStoresNothing() {
        List<String> clipsBefore = Clips.ownClipIds(DemoData.ALICE);
        Set<String> filesBefore = Clips.filesInClipStore();
        for (String type : List.of(
                "text/plain", "application/json", "image/jpeg", "application/octet-stream", "video/x-msvideo")) {
            Gateway.as(DemoData.ALICE)
                    .contentType(type)
                    .queryParam("cameraId", s.aliceCamera)
                    .queryParam("recordedAt", s.recordedAt.toString())
                    .body(Clips.video(4096))
                    .post("/api/me/clips")
                    .then()
                    .statusCode(415)
                    .contentType("application/problem+json")
                    .body("status", equalTo(415))
                    .body("errors[0].field", equalTo("Content-Type"));
        }
        assertEquals(clipsBefore, Clips.ownClipIds(DemoData.ALICE), "no clip row");
        assertEquals(filesBefore, Clips.filesInClipStore(), "no bytes in the clip store");
    }

    /**
     * A body one byte over the limit, sent chunked (no Content-Length), so that the limit is enforced while the
     * bytes stream through the gateway into consent-service: 413, the partial file removed, no row.
     */
    @Test
    void clipOneByteOverTheLimitIs413AndLeavesNeitherFileNorRow() throws Exception {
        List<String> clipsBefore = Clips.ownClipIds(DemoData.ALICE);
        Set<String> filesBefore = Clips.filesInClipStore();

        HttpRequest upload = HttpRequest.newBuilder(
                        URI.create(RunningSuite.config().gatewayUrl() + "/api/me/clips?cameraId=" + s.aliceCamera
                                + "&recordedAt=" + s.recordedAt))
                .header("Authorization", "Bearer " + Gateway.token(DemoData.ALICE))
                .header("Content-Type", Clips.MP4)
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> generated(CLIP_LIMIT + 1)))
                .build();
        HttpResponse<String> answer = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(upload, HttpResponse.BodyHandlers.ofString());

        assertEquals(413, answer.statusCode(), answer.body());
        assertTrue(
                answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                answer.headers().map().toString());
        assertEquals("body", JsonPath.from(answer.body()).getString("errors[0].field"), answer.body());
        assertEquals(clipsBefore, Clips.ownClipIds(DemoData.ALICE), "no clip row");
        assertEquals(filesBefore, Clips.filesInClipStore(), "the partial upload must be removed");
    }

    @Test
    void anotherOwnersClipCameraOrShareIsNotFoundAndNothingChanges() {
        List<String> aliceClips = Clips.ownClipIds(DemoData.ALICE);
        List<String> bobClips = Clips.ownClipIds(DemoData.BOB);
        List<String> r1 = Clips.listedIds(s.r1);
        List<String> r2 = Clips.listedIds(s.r2);
        Set<String> files = Clips.filesInClipStore();

        // Uploading with Bob's camera.
        Gateway.as(DemoData.ALICE)
                .contentType(Clips.MP4)
                .queryParam("cameraId", s.bobCamera)
                .queryParam("recordedAt", s.recordedAt.toString())
                .body(Clips.video(2048))
                .post("/api/me/clips")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

        // Sharing Bob's clips, alone or beside one of her own: nothing is shared, not even her own clip.
        String missing = Clips.answer(
                        DemoData.ALICE, s.r1, "{\"answer\":\"SHARE\",\"clipIds\":[\"" + s.b2 + "\"]}", 404)
                .asString()
                .replace(s.b2, "ID");
        String random = UUID.randomUUID().toString();
        assertEquals(
                Clips.answer(DemoData.ALICE, s.r1, "{\"answer\":\"SHARE\",\"clipIds\":[\"" + random + "\"]}", 404)
                        .asString()
                        .replace(random, "ID"),
                missing,
                "Bob's clip is answered like one that does not exist");
        Clips.answer(
                DemoData.ALICE, s.r1, "{\"answer\":\"SHARE\",\"clipIds\":[\"" + s.a2 + "\",\"" + s.b2 + "\"]}", 404);
        Clips.answer(DemoData.ALICE, s.r2, "{\"answer\":\"SHARE\",\"clipIds\":[\"" + s.b1 + "\"]}", 404);

        // Reading Bob's clip, revoking Bob's share, pausing or deleting Bob's camera.
        Gateway.as(DemoData.ALICE).get("/api/me/clips/" + s.b1).then().statusCode(404);
        Gateway.as(DemoData.ALICE)
                .delete("/api/me/shares/" + s.b1Share)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        Gateway.as(DemoData.ALICE)
                .post("/api/me/cameras/" + s.bobCamera + "/pause")
                .then()
                .statusCode(404);
        Gateway.as(DemoData.ALICE)
                .delete("/api/me/cameras/" + s.bobCamera)
                .then()
                .statusCode(404);

        assertEquals(aliceClips, Clips.ownClipIds(DemoData.ALICE));
        assertEquals(bobClips, Clips.ownClipIds(DemoData.BOB));
        assertEquals(files, Clips.filesInClipStore());
        assertEquals(r1, Clips.listedIds(s.r1), "R1's clips unchanged");
        assertEquals(r2, Clips.listedIds(s.r2), "R2's clips unchanged");
        Gateway.as(DemoData.BOB)
                .get("/api/me/shares")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + s.b1Share + "' }.status", equalTo("ACTIVE"));
        Gateway.as(DemoData.BOB)
                .get("/api/me/cameras")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + s.bobCamera + "' }.status", equalTo("ACTIVE"));
    }

    /** {@code size} bytes made up on the fly: a large body without holding it in memory. */
    static InputStream generated(long size) {
        return new InputStream() {
            long left = size;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                left--;
                return 'v';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 'v');
                left -= n;
                return n;
            }
        };
    }
}

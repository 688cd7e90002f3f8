package org.neighborshare.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neighborshare.consent.Api.newId;
import static org.neighborshare.consent.Api.owner;
import static org.neighborshare.consent.Api.upload;
import static org.neighborshare.consent.Api.video;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.neighborshare.testsupport.PostgresResource;

/**
 * An owner's clip upload: the size limit holds whether the length is declared or not, and a refused upload leaves
 * neither file nor row; type, camera and recording time are checked at the edge (docs/rules.md, clips).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ClipUploadTest {

    // Each test its own place and window, far from the other test classes' cameras.
    final Neighbourhood here = new Neighbourhood(-40, 120);
    static final int LIMIT = 2 * 1024 * 1024; // %test.consent.clips.max-size

    @ConfigProperty(name = "consent.clips.directory")
    String clipsDirectory;

    @TestHTTPResource("/api/me/clips")
    URL uploadUrl;

    Set<String> filesInClipStore() throws IOException {
        Path dir = Path.of(clipsDirectory).toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void clipOverTheLimitIsRefusedAndLeavesNeitherFileNorRow() throws Exception {
        String alice = newId();
        String cam = here.camera(alice);
        Set<String> before = filesInClipStore();

        // Declared too large: refused before a byte is read.
        given().header("Authorization", owner(alice))
                .contentType("video/mp4")
                .queryParam("cameraId", cam)
                .queryParam("recordedAt", here.inWindow.toString())
                .body(video(LIMIT + 1))
                .post("/api/me/clips")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));

        // No length declared (chunked): refused while streaming, the partial file removed.
        byte[] tooBig = video(LIMIT + 200_000);
        HttpResponse<String> chunked = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(uploadUrl + "?cameraId=" + cam + "&recordedAt=" + here.inWindow))
                                .header("Authorization", owner(alice))
                                .header("Content-Type", "video/mp4")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooBig)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertTrue(chunked.body().contains("\"field\":\"body\""), chunked.body());

        assertEquals(before, filesInClipStore(), "a refused upload must leave no file behind");
        given().header("Authorization", owner(alice))
                .get("/api/me/clips")
                .then()
                .body("size()", equalTo(0));

        // Exactly at the limit is fine.
        upload(alice, cam, here.inWindow, video(LIMIT));
        given().header("Authorization", owner(alice))
                .get("/api/me/clips")
                .then()
                .body("size()", equalTo(1))
                .body("[0].size", equalTo(LIMIT));
    }

    @Test
    void uploadInputIsValidatedAtTheEdge() {
        String alice = newId();
        String cam = here.camera(alice);
        given().header("Authorization", owner(alice))
                .contentType("text/plain")
                .queryParam("cameraId", cam)
                .queryParam("recordedAt", here.inWindow.toString())
                .body("not a video")
                .post("/api/me/clips")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Content-Type"));
        given().header("Authorization", owner(alice))
                .contentType("video/webm")
                .queryParam("cameraId", cam)
                .body(video(100))
                .post("/api/me/clips")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("recordedAt"));
        given().header("Authorization", owner(alice))
                .contentType("video/webm")
                .queryParam("cameraId", cam)
                .queryParam("recordedAt", "yesterday")
                .body(video(100))
                .post("/api/me/clips")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("recordedAt"));
        given().header("Authorization", owner(alice))
                .contentType("video/webm")
                .queryParam("recordedAt", here.inWindow.toString())
                .body(video(100))
                .post("/api/me/clips")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cameraId"));
        given().header("Authorization", owner(alice))
                .contentType("video/quicktime")
                .queryParam("cameraId", cam)
                .queryParam("recordedAt", here.inWindow.toString())
                .body(new byte[0])
                .post("/api/me/clips")
                .then()
                .statusCode(400);
        given().header("Authorization", owner(alice))
                .get("/api/me/clips")
                .then()
                .body("size()", equalTo(0));
        // The parameters may come as headers too.
        given().header("Authorization", owner(alice))
                .contentType("video/quicktime")
                .header("X-Camera-Id", cam)
                .header("X-Recorded-At", here.inWindow.toString())
                .body(video(100))
                .post("/api/me/clips")
                .then()
                .statusCode(201)
                .body("contentType", equalTo("video/quicktime"));
    }
}

package org.neighborshare.e2e;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Owner and investigator steps around clips (consent-service, always through the gateway). */
final class Clips {

    static final String MP4 = "video/mp4";
    private static final Random RANDOM = new Random();

    private Clips() {}

    /** Random bytes standing in for a video: every clip distinct, so hashes and bytes prove which one arrived. */
    static byte[] video(int size) {
        byte[] b = new byte[size];
        synchronized (RANDOM) {
            RANDOM.nextBytes(b);
        }
        return b;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Keycloak subject of a demo user, read from the user's own access token. */
    static String subject(String username) {
        String payload = Gateway.token(username).split("\\.")[1];
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
                .getString("sub");
    }

    static String registerCamera(String owner, String label, double latitude, double longitude) {
        return Gateway.as(owner)
                .body("{\"label\":\"%s\",\"latitude\":%s,\"longitude\":%s}".formatted(label, latitude, longitude))
                .post("/api/me/cameras")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static List<String> cameraIds(String owner) {
        return Gateway.as(owner)
                .get("/api/me/cameras")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id", String.class);
    }

    /** Uploads a clip as the owner; checks what the owner is told (hash, size, camera) and returns its id. */
    static String upload(String owner, String cameraId, Instant recordedAt, byte[] bytes) {
        return Gateway.as(owner)
                .contentType(MP4)
                .queryParam("cameraId", cameraId)
                .queryParam("recordedAt", recordedAt.toString())
                .body(bytes)
                .post("/api/me/clips")
                .then()
                .statusCode(201)
                .body("sha256", equalTo(sha256(bytes)))
                .body("size", equalTo(bytes.length))
                .body("cameraId", equalTo(cameraId))
                .extract()
                .path("id");
    }

    static List<String> ownClipIds(String owner) {
        return Gateway.as(owner)
                .get("/api/me/clips")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id", String.class);
    }

    static ExtractableResponse<Response> answer(String owner, String requestId, String body, int status) {
        return Gateway.as(owner)
                .body(body)
                .post("/api/me/inbox/" + requestId + "/response")
                .then()
                .statusCode(status)
                .extract();
    }

    /** The owner shares these clips for the request; returns the answer (share.id, share.neighbor…). */
    static ExtractableResponse<Response> share(String owner, String requestId, String... clipIds) {
        String ids = Stream.of(clipIds).map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
        return answer(owner, requestId, "{\"answer\":\"SHARE\",\"clipIds\":[" + ids + "]}", 201);
    }

    static String clipsPath(String requestId) {
        return "/api/agencies/" + DemoData.RIVERTON + "/requests/" + requestId + "/clips";
    }

    static String contentPath(String requestId, String clipId) {
        return clipsPath(requestId) + "/" + clipId + "/content";
    }

    /** The investigator's list of the clips shared for a request. */
    static Response listed(String requestId) {
        return Gateway.as(DemoData.INVESTIGATOR).get(clipsPath(requestId));
    }

    static List<String> listedIds(String requestId) {
        return listed(requestId).then().statusCode(200).extract().jsonPath().getList("clipId", String.class);
    }

    /** The investigator downloads a clip for a request (any status; the caller asserts). */
    static Response download(String requestId, String clipId) {
        return Gateway.as(DemoData.INVESTIGATOR).get(contentPath(requestId, clipId));
    }

    /** How many access-log entries of the owner concern the clip. */
    static int accessesTo(String owner, String clipId) {
        return Gateway.as(owner)
                .get("/api/me/access-log")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.clipId == '" + clipId + "' }")
                .size();
    }

    /** A recording time inside every given request's window, as the owner's inbox shows the windows. */
    static Instant inWindowOf(String owner, Duration afterStart, String... requestIds) {
        JsonPath inbox = Gateway.as(owner)
                .get("/api/me/inbox")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Instant start = Instant.MIN;
        Instant end = Instant.MAX;
        for (String id : requestIds) {
            Instant s = Instant.parse(inbox.getString("find { it.requestId == '" + id + "' }.windowStart"));
            Instant e = Instant.parse(inbox.getString("find { it.requestId == '" + id + "' }.windowEnd"));
            start = s.isAfter(start) ? s : start;
            end = e.isBefore(end) ? e : end;
        }
        Instant at = start.plus(afterStart);
        if (!at.isBefore(end)) {
            throw new IllegalStateException("the windows " + List.of(requestIds) + " leave no room at " + at);
        }
        return at;
    }

    /** consent-service's clip store in the running suite (its working directory is in the suite's data dir). */
    static Set<String> filesInClipStore() {
        Path dir = RunningSuite.config()
                .dataDir()
                .resolve("work")
                .resolve("consent-service")
                .resolve("clips");
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String uniqueCase(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

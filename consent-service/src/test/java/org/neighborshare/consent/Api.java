package org.neighborshare.consent;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.neighborshare.shared.events.FeedPage;
import org.neighborshare.shared.events.RequestPublished;
import org.neighborshare.testsupport.TestTokens;

/**
 * Calls consent-service as the gateway would, with tokens minted for the given caller, and builds the feed events
 * request-service would send. Where a call depends on a test's place and time, see {@link Neighbourhood}.
 */
public final class Api {

    /** Feed positions for the events the tests apply; the consumer only ever moves its cursor forward. */
    private static final AtomicLong SEQ = new AtomicLong(100_000);

    private Api() {}

    // ---- callers ----

    public static String owner(String id) {
        return TestTokens.forService("consent-service")
                .user(id, "owner-" + id)
                .role("owner")
                .bearer();
    }

    public static String investigator(UUID agency) {
        return investigator(agency, UUID.randomUUID().toString());
    }

    public static String investigator(UUID agency, String userId) {
        return TestTokens.forService("consent-service")
                .user(userId, "inv-" + userId)
                .agencyRole(agency, "investigator")
                .bearer();
    }

    /** request-service's service account, which reads the counts for the public log. */
    public static String countsReader() {
        return TestTokens.forService("consent-service").role("counts-reader").bearer();
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    // ---- the feed ----

    public static long nextSeq() {
        return SEQ.incrementAndGet();
    }

    /** The event request-service sends when a request is published; seven days to run, not an emergency. */
    public static FeedPage.Event published(
            long seq,
            UUID requestId,
            UUID agency,
            Instant windowStart,
            Instant windowEnd,
            double latitude,
            double longitude,
            double radius) {
        Instant now = Instant.now();
        RequestPublished p = new RequestPublished(
                requestId,
                agency,
                "C-" + requestId,
                "BURGLARY",
                "garage",
                windowStart,
                windowEnd,
                latitude,
                longitude,
                radius,
                false,
                now,
                now.plus(7, ChronoUnit.DAYS));
        ObjectMapper json = Arc.container().instance(ObjectMapper.class).get();
        return new FeedPage.Event(seq, UUID.randomUUID(), RequestPublished.TYPE, requestId, json.valueToTree(p), now);
    }

    // ---- an owner's cameras and clips ----

    public static String camera(String ownerId, double latitude, double longitude) {
        return given().header("Authorization", owner(ownerId))
                .contentType(ContentType.JSON)
                .body("{\"label\":\"Porch camera\",\"latitude\":" + latitude + ",\"longitude\":" + longitude + "}")
                .post("/api/me/cameras")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Random bytes, different on every call. */
    public static byte[] video(int size) {
        byte[] b = new byte[size];
        new Random(size * 31L + System.nanoTime()).nextBytes(b);
        return b;
    }

    public static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    public static String upload(String ownerId, String cameraId, Instant recordedAt, byte[] bytes) {
        return given().header("Authorization", owner(ownerId))
                .contentType("video/mp4")
                .queryParam("cameraId", cameraId)
                .queryParam("recordedAt", recordedAt.toString())
                .body(bytes)
                .post("/api/me/clips")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    // ---- answers ----

    public static ExtractableResponse<Response> answer(String ownerId, UUID requestId, String body, int status) {
        return given().header("Authorization", owner(ownerId))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/me/inbox/" + requestId + "/response")
                .then()
                .statusCode(status)
                .extract();
    }

    public static String shareBody(String... clipIds) {
        String ids = Stream.of(clipIds).map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
        return "{\"answer\":\"SHARE\",\"clipIds\":[" + ids + "]}";
    }

    /** Shares the clips for the request; returns the share's id. */
    public static String share(String ownerId, UUID requestId, String... clipIds) {
        return answer(ownerId, requestId, shareBody(clipIds), 201).path("share.id");
    }

    /** How many shares the owner made for the request, revoked ones included. */
    public static int shares(String ownerId, UUID requestId) {
        return given().header("Authorization", owner(ownerId))
                .get("/api/me/shares")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.requestId == '" + requestId + "' }")
                .size();
    }

    // ---- the agency's side and the public counts ----

    public static String clipsPath(UUID agency, UUID requestId) {
        return "/api/agencies/" + agency + "/requests/" + requestId + "/clips";
    }

    /** An investigator of the agency downloads the clip; returns the status. */
    public static int download(UUID agency, UUID requestId, String clipId) {
        return given().header("Authorization", investigator(agency))
                .get(clipsPath(agency, requestId) + "/" + clipId + "/content")
                .statusCode();
    }

    public static ExtractableResponse<Response> counts(UUID requestId) {
        return given().header("Authorization", countsReader())
                .get("/api/directory/requests/" + requestId + "/counts")
                .then()
                .statusCode(200)
                .extract();
    }
}

package org.neighborshare.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neighborshare.consent.domain.Clip;
import org.neighborshare.consent.feed.FeedApplier;
import org.neighborshare.consent.service.RetentionService;
import org.neighborshare.consent.store.ClipStore;
import org.neighborshare.shared.events.FeedPage;
import org.neighborshare.shared.events.RequestEnded;
import org.neighborshare.shared.events.RequestPublished;
import org.neighborshare.testsupport.PostgresResource;
import org.neighborshare.testsupport.TestTokens;

/** Answers, shares, clips, the agency's side, retention and counts (invariants I1, I2). */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class ClipSharingTest {

    static final AtomicLong SEQ = new AtomicLong(100_000);
    static final int LIMIT = 2 * 1024 * 1024; // %test.consent.clips.max-size

    @Inject
    FeedApplier applier;
    @Inject
    ObjectMapper json;
    @Inject
    RetentionService retention;
    @Inject
    ClipStore store;
    @ConfigProperty(name = "consent.clips.directory")
    String clipsDirectory;
    @TestHTTPResource("/api/me/clips")
    URL uploadUrl;

    // Each test its own area and window, far from the other test classes' cameras.
    final double lat = -40 + Math.random() * 10;
    final double lon = 100 + Math.random() * 10;
    final Instant windowEnd = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    final Instant windowStart = windowEnd.minus(1, ChronoUnit.HOURS);
    final Instant inWindow = windowStart.plus(10, ChronoUnit.MINUTES);

    @BeforeEach
    @AfterEach
    void resetClock() {
        TestDoubles.CLOCK.reset();
    }

    // ---- helpers ----

    static String owner(String id) {
        return TestTokens.forService("consent-service").user(id, "owner-" + id).role("owner").bearer();
    }

    static String investigator(UUID agency) {
        return investigator(agency, UUID.randomUUID().toString());
    }

    static String investigator(UUID agency, String userId) {
        return TestTokens.forService("consent-service").user(userId, "inv-" + userId)
                .agencyRole(agency, "investigator").bearer();
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    String camera(String ownerId) {
        return camera(ownerId, lat + 0.0005, lon);
    }

    static String camera(String ownerId, double latitude, double longitude) {
        return given().header("Authorization", owner(ownerId)).contentType(ContentType.JSON)
                .body("{\"label\":\"Porch camera\",\"latitude\":" + latitude + ",\"longitude\":" + longitude + "}")
                .post("/api/me/cameras").then().statusCode(201).extract().path("id");
    }

    UUID publish(UUID agency) {
        return publish(agency, lat, lon);
    }

    UUID publish(UUID agency, double latitude, double longitude) {
        UUID requestId = UUID.randomUUID();
        Instant now = Instant.now();
        RequestPublished p = new RequestPublished(requestId, agency, "C-" + requestId, "BURGLARY", "garage",
                windowStart, windowEnd, latitude, longitude, 300, false, now, now.plus(7, ChronoUnit.DAYS));
        assertTrue(applier.apply(new FeedPage.Event(SEQ.incrementAndGet(), UUID.randomUUID(), RequestPublished.TYPE,
                requestId, json.valueToTree(p), now)));
        return requestId;
    }

    static byte[] video(int size) {
        byte[] b = new byte[size];
        new Random(size * 31L + System.nanoTime()).nextBytes(b);
        return b;
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    static String upload(String ownerId, String cameraId, Instant recordedAt, byte[] bytes) {
        return given().header("Authorization", owner(ownerId)).contentType("video/mp4")
                .queryParam("cameraId", cameraId).queryParam("recordedAt", recordedAt.toString())
                .body(bytes).post("/api/me/clips").then().statusCode(201).extract().path("id");
    }

    String upload(String ownerId, String cameraId) {
        return upload(ownerId, cameraId, inWindow, video(4096));
    }

    static ExtractableResponse<Response> answer(String ownerId, UUID requestId, String body, int status) {
        return given().header("Authorization", owner(ownerId)).contentType(ContentType.JSON).body(body)
                .post("/api/me/inbox/" + requestId + "/response").then().statusCode(status).extract();
    }

    static String share(String ownerId, UUID requestId, String... clipIds) {
        String ids = Stream.of(clipIds).map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
        return answer(ownerId, requestId, "{\"answer\":\"SHARE\",\"clipIds\":[" + ids + "]}", 201).path("share.id");
    }

    static String clipsPath(UUID agency, UUID requestId) {
        return "/api/agencies/" + agency + "/requests/" + requestId + "/clips";
    }

    static int download(UUID agency, UUID requestId, String clipId) {
        return given().header("Authorization", investigator(agency))
                .get(clipsPath(agency, requestId) + "/" + clipId + "/content").statusCode();
    }

    Set<String> filesInClipStore() throws IOException {
        Path dir = Path.of(clipsDirectory).toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    static String storageKey(String clipId) {
        return QuarkusTransaction.requiringNew().call(() -> Clip.<Clip>findById(UUID.fromString(clipId)).storageKey);
    }

    // ---- the agency gets what was shared ----

    @Test
    void sharedClipReachesTheAgencyWithTheUploadedBytesAndHash() throws Exception {
        UUID agency = UUID.randomUUID();
        String alice = newId();
        String cam = camera(alice);
        UUID request = publish(agency);
        byte[] bytes = video(300_000);
        String sha = sha256(bytes);

        String clip = given().header("Authorization", owner(alice)).contentType("video/mp4")
                .queryParam("cameraId", cam).queryParam("recordedAt", inWindow.toString()).body(bytes)
                .post("/api/me/clips").then().statusCode(201)
                .body("sha256", equalTo(sha)).body("size", equalTo(bytes.length))
                .body("contentType", equalTo("video/mp4")).body("cameraId", equalTo(cam))
                .extract().path("id");

        ExtractableResponse<Response> answered = answer(alice, request,
                "{\"answer\":\"SHARE\",\"clipIds\":[\"" + clip + "\"]}", 201);
        assertEquals("SHARE", answered.path("answer"));
        assertEquals("Neighbor 1", answered.path("share.neighbor"));
        assertEquals(30, (int) answered.path("share.retentionDays"));
        assertEquals(false, answered.path("share.allowCopies"));
        assertEquals(Instant.parse(answered.path("share.createdAt")).plus(Duration.ofDays(30)),
                Instant.parse(answered.path("share.expiresAt")));
        given().header("Authorization", owner(alice)).get("/api/me/inbox").then()
                .body("find { it.requestId == '" + request + "' }.response", equalTo("SHARE"));

        String listed = given().header("Authorization", investigator(agency)).get(clipsPath(agency, request))
                .then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].clipId", equalTo(clip))
                .body("[0].neighbor", equalTo("Neighbor 1"))
                .body("[0].sha256", equalTo(sha))
                .body("[0].size", equalTo(bytes.length))
                .body("[0].contentType", equalTo("video/mp4"))
                .body("[0].allowCopies", equalTo(false))
                .body("[0].shareExpiresAt", notNullValue())
                .extract().asString();
        // I2: nothing that identifies or locates the owner.
        for (String secret : List.of(alice, cam, "ownerId", "cameraId", "Porch", "latitude", "longitude", "email")) {
            assertFalse(listed.contains(secret), "agency's clip list leaks " + secret + ": " + listed);
        }

        String investigatorId = newId();
        ExtractableResponse<Response> content = given().header("Authorization", investigator(agency, investigatorId))
                .get(clipsPath(agency, request) + "/" + clip + "/content").then().statusCode(200)
                .header("Content-Type", startsWith("video/mp4"))
                .header("Content-Length", String.valueOf(bytes.length))
                .header("X-Content-SHA256", sha)
                .header("Content-Disposition", startsWith("attachment"))
                .extract();
        byte[] downloaded = content.asByteArray();
        assertArrayEquals(bytes, downloaded);
        assertEquals(sha, sha256(downloaded));

        given().header("Authorization", owner(alice)).get("/api/me/access-log").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].action", equalTo("DOWNLOAD"))
                .body("[0].clipId", equalTo(clip))
                .body("[0].requestId", equalTo(request.toString()))
                .body("[0].agencyId", equalTo(agency.toString()))
                .body("[0].accessorId", equalTo(investigatorId))
                .body("[0].sha256", equalTo(sha));
        given().header("Authorization", owner(alice)).get("/api/me/shares").then().statusCode(200)
                .body("[0].firstDownloadAt", notNullValue()).body("[0].status", equalTo("ACTIVE"));
    }

    // ---- I1: nothing that was not shared for that request ----

    @Test
    void agencyCannotReachClipsNotSharedForItsRequest() {
        UUID agencyA = UUID.randomUUID();
        UUID agencyB = UUID.randomUUID();
        String alice = newId();
        String bob = newId();
        String aliceCam = camera(alice);
        String bobCam = camera(bob);
        UUID x = publish(agencyA);
        UUID z = publish(agencyA);
        UUID y = publish(agencyB);
        String shared = upload(alice, aliceCam);
        String notShared = upload(alice, aliceCam);
        String declinersClip = upload(bob, bobCam);
        share(alice, x, shared);
        answer(bob, x, "{\"answer\":\"DECLINE\"}", 200);

        String listed = given().header("Authorization", investigator(agencyA)).get(clipsPath(agencyA, x))
                .then().statusCode(200).body("size()", equalTo(1)).body("clipId", hasItem(shared))
                .extract().asString();
        assertFalse(listed.contains("DECLINE"), "a decline must never be visible to the agency");
        assertEquals(200, download(agencyA, x, shared));
        assertEquals(404, download(agencyA, x, notShared), "uploaded but never shared");
        assertEquals(404, download(agencyA, x, declinersClip), "its owner declined");
        assertEquals(404, download(agencyA, z, shared), "shared for another request of the same agency");
        given().header("Authorization", investigator(agencyA)).get(clipsPath(agencyA, z))
                .then().statusCode(200).body("size()", equalTo(0));
        // Another agency: through its own path the request is not its own; through A's path it holds no role.
        assertEquals(404, download(agencyB, x, shared));
        given().header("Authorization", investigator(agencyB)).get(clipsPath(agencyB, x)).then().statusCode(404);
        given().header("Authorization", investigator(agencyB)).get(clipsPath(agencyA, x) + "/" + shared + "/content")
                .then().statusCode(403);
        given().header("Authorization", investigator(agencyA)).get(clipsPath(agencyA, y)).then().statusCode(404);
        given().header("Authorization", owner(alice)).get(clipsPath(agencyA, x)).then().statusCode(403);
        given().header("Authorization", owner(alice)).get("/api/me/access-log").then()
                .body("size()", equalTo(1)).body("clipId", everyItem(equalTo(shared)));
    }

    @Test
    void revocationStopsFurtherDownloadsAndTheAccessLogKeepsTheEarlierOne() {
        UUID agency = UUID.randomUUID();
        String alice = newId();
        String cam = camera(alice);
        UUID request = publish(agency);
        String clip = upload(alice, cam);
        String shareId = share(alice, request, clip);
        assertEquals(200, download(agency, request, clip));

        String revokedAt = given().header("Authorization", owner(alice)).delete("/api/me/shares/" + shareId)
                .then().statusCode(200)
                .body("shareId", equalTo(shareId))
                .body("agencyHadDownloaded", equalTo(true))
                .body("firstDownloadAt", notNullValue())
                .extract().path("revokedAt");
        assertEquals(404, download(agency, request, clip));
        given().header("Authorization", investigator(agency)).get(clipsPath(agency, request)).then()
                .statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", owner(alice)).get("/api/me/access-log").then()
                .body("size()", equalTo(1)).body("[0].action", equalTo("DOWNLOAD")).body("[0].clipId", equalTo(clip));
        // Revoking again changes nothing.
        given().header("Authorization", owner(alice)).delete("/api/me/shares/" + shareId).then().statusCode(200)
                .body("revokedAt", equalTo(revokedAt));

        String clip2 = upload(alice, cam);
        String share2 = share(alice, request, clip2);
        given().header("Authorization", owner(alice)).delete("/api/me/shares/" + share2).then().statusCode(200)
                .body("agencyHadDownloaded", equalTo(false)).body("firstDownloadAt", nullValue());
        assertEquals(404, download(agency, request, clip2));
        given().header("Authorization", owner(alice)).get("/api/me/shares").then()
                .body("status", everyItem(equalTo("REVOKED")));
    }

    // ---- I2: pseudonyms ----

    @Test
    void pseudonymsAreNumberedPerRequestAndStableWithinIt() {
        UUID agency = UUID.randomUUID();
        String alice = newId();
        String bob = newId();
        String aliceCam = camera(alice);
        String bobCam = camera(bob);
        UUID x = publish(agency);
        UUID y = publish(agency);
        String aliceX = upload(alice, aliceCam);
        String aliceY = upload(alice, aliceCam);
        String aliceX2 = upload(alice, aliceCam);
        String bobY = upload(bob, bobCam);

        share(alice, x, aliceX);      // alice first on X
        share(bob, y, bobY);          // bob first on Y
        share(alice, y, aliceY);
        share(alice, x, aliceX2);     // a second share: same pseudonym

        given().header("Authorization", investigator(agency)).get(clipsPath(agency, x)).then().statusCode(200)
                .body("size()", equalTo(2))
                .body("find { it.clipId == '" + aliceX + "' }.neighbor", equalTo("Neighbor 1"))
                .body("find { it.clipId == '" + aliceX2 + "' }.neighbor", equalTo("Neighbor 1"));
        given().header("Authorization", investigator(agency)).get(clipsPath(agency, y)).then().statusCode(200)
                .body("find { it.clipId == '" + bobY + "' }.neighbor", equalTo("Neighbor 1"))
                .body("find { it.clipId == '" + aliceY + "' }.neighbor", equalTo("Neighbor 2"));
    }

    // ---- clip upload ----

    @Test
    void clipOverTheLimitIsRefusedAndLeavesNeitherFileNorRow() throws Exception {
        String alice = newId();
        String cam = camera(alice);
        Set<String> before = filesInClipStore();

        // Declared too large: refused before a byte is read.
        given().header("Authorization", owner(alice)).contentType("video/mp4")
                .queryParam("cameraId", cam).queryParam("recordedAt", inWindow.toString())
                .body(video(LIMIT + 1)).post("/api/me/clips").then().statusCode(413)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"));

        // No length declared (chunked): refused while streaming, the partial file removed.
        byte[] tooBig = video(LIMIT + 200_000);
        HttpResponse<String> chunked = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(uploadUrl + "?cameraId=" + cam + "&recordedAt=" + inWindow))
                        .header("Authorization", owner(alice)).header("Content-Type", "video/mp4")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooBig)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertTrue(chunked.body().contains("\"field\":\"body\""), chunked.body());

        assertEquals(before, filesInClipStore(), "a refused upload must leave no file behind");
        given().header("Authorization", owner(alice)).get("/api/me/clips").then().body("size()", equalTo(0));

        // Exactly at the limit is fine.
        upload(alice, cam, inWindow, video(LIMIT));
        given().header("Authorization", owner(alice)).get("/api/me/clips").then().body("size()", equalTo(1))
                .body("[0].size", equalTo(LIMIT));
    }

    @Test
    void uploadInputIsValidatedAtTheEdge() {
        String alice = newId();
        String cam = camera(alice);
        given().header("Authorization", owner(alice)).contentType("text/plain")
                .queryParam("cameraId", cam).queryParam("recordedAt", inWindow.toString())
                .body("not a video").post("/api/me/clips").then().statusCode(415)
                .contentType("application/problem+json").body("errors[0].field", equalTo("Content-Type"));
        given().header("Authorization", owner(alice)).contentType("video/webm").queryParam("cameraId", cam)
                .body(video(100)).post("/api/me/clips").then().statusCode(400)
                .body("errors[0].field", equalTo("recordedAt"));
        given().header("Authorization", owner(alice)).contentType("video/webm").queryParam("cameraId", cam)
                .queryParam("recordedAt", "yesterday").body(video(100)).post("/api/me/clips").then().statusCode(400)
                .body("errors[0].field", equalTo("recordedAt"));
        given().header("Authorization", owner(alice)).contentType("video/webm")
                .queryParam("recordedAt", inWindow.toString()).body(video(100)).post("/api/me/clips").then()
                .statusCode(400).body("errors[0].field", equalTo("cameraId"));
        given().header("Authorization", owner(alice)).contentType("video/quicktime")
                .queryParam("cameraId", cam).queryParam("recordedAt", inWindow.toString())
                .body(new byte[0]).post("/api/me/clips").then().statusCode(400);
        given().header("Authorization", owner(alice)).get("/api/me/clips").then().body("size()", equalTo(0));
        // The parameters may come as headers too.
        given().header("Authorization", owner(alice)).contentType("video/quicktime")
                .header("X-Camera-Id", cam).header("X-Recorded-At", inWindow.toString())
                .body(video(100)).post("/api/me/clips").then().statusCode(201)
                .body("contentType", equalTo("video/quicktime"));
    }

    @Test
    void someoneElsesCameraClipShareOrRequestIsNotFound() {
        UUID agency = UUID.randomUUID();
        String alice = newId();
        String mallory = newId();
        String aliceCam = camera(alice);
        camera(mallory); // the request reaches mallory's inbox too
        UUID request = publish(agency);
        String clip = upload(alice, aliceCam);
        String shareId = share(alice, request, clip);

        given().header("Authorization", owner(mallory)).contentType("video/mp4")
                .queryParam("cameraId", aliceCam).queryParam("recordedAt", inWindow.toString())
                .body(video(100)).post("/api/me/clips").then().statusCode(404);
        answer(mallory, request, "{\"answer\":\"SHARE\",\"clipIds\":[\"" + clip + "\"]}", 404);
        given().header("Authorization", owner(mallory)).get("/api/me/clips/" + clip).then().statusCode(404);
        given().header("Authorization", owner(mallory)).delete("/api/me/shares/" + shareId).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", owner(mallory)).delete("/api/me/shares/" + UUID.randomUUID())
                .then().statusCode(404);
        answer(mallory, UUID.randomUUID(), "{\"answer\":\"DECLINE\"}", 404);
        // Mallory's attempts changed nothing.
        assertEquals(200, download(agency, request, clip));
        given().header("Authorization", owner(mallory)).get("/api/me/clips").then().body("size()", equalTo(0));
        given().header("Authorization", owner(mallory)).get("/api/me/shares").then().body("size()", equalTo(0));
        given().header("Authorization", owner(alice)).get("/api/me/clips/" + clip).then().statusCode(200)
                .body("cameraId", equalTo(aliceCam));
    }

    // ---- answers ----

    @Test
    void answersFollowTheRules() {
        UUID agency = UUID.randomUUID();
        String alice = newId();
        String cam = camera(alice);
        UUID request = publish(agency);
        String clip = upload(alice, cam);
        String early = upload(alice, cam, windowStart.minus(1, ChronoUnit.MINUTES), video(100));

        ExtractableResponse<Response> tooLong = answer(alice, request,
                "{\"answer\":\"SHARE\",\"clipIds\":[\"" + clip + "\"],\"retentionDays\":91}", 422);
        assertEquals("retentionDays", tooLong.path("errors[0].field"));
        assertEquals("clipIds", answer(alice, request, "{\"answer\":\"SHARE\",\"clipIds\":[]}", 422)
                .path("errors[0].field"));
        assertEquals("clipIds[0]", answer(alice, request,
                "{\"answer\":\"SHARE\",\"clipIds\":[\"" + early + "\"]}", 422).path("errors[0].field"));
        assertEquals("answer", answer(alice, request, "{\"answer\":\"MAYBE\"}", 400).path("errors[0].field"));
        answer(alice, request, "{\"answer\":\"SHARE\",\"clipIds\":[\"" + clip + "\"],\"status\":\"APPROVED\"}", 400);
        given().header("Authorization", owner(alice)).get("/api/me/shares").then().body("size()", equalTo(0));

        // A decline may become a share; a share is not turned into a decline (revoke instead).
        answer(alice, request, "{\"answer\":\"DECLINE\"}", 200);
        given().header("Authorization", owner(alice)).get("/api/me/inbox").then()
                .body("find { it.requestId == '" + request + "' }.response", equalTo("DECLINE"));
        ExtractableResponse<Response> shared = answer(alice, request,
                "{\"answer\":\"SHARE\",\"clipIds\":[\"" + clip + "\"],\"retentionDays\":90,\"allowCopies\":true}", 201);
        assertEquals(Instant.parse(shared.path("share.createdAt")).plus(Duration.ofDays(90)),
                Instant.parse(shared.path("share.expiresAt")));
        given().header("Authorization", owner(alice)).get("/api/me/inbox").then()
                .body("find { it.requestId == '" + request + "' }.response", equalTo("SHARE"));
        answer(alice, request, "{\"answer\":\"DECLINE\"}", 409);
        given().header("Authorization", investigator(agency)).get(clipsPath(agency, request)).then()
                .body("[0].allowCopies", equalTo(true));

        // An ended request can no longer be answered.
        RequestEnded ended = new RequestEnded(request, "CLOSED", Instant.now());
        applier.apply(new FeedPage.Event(SEQ.incrementAndGet(), UUID.randomUUID(), RequestEnded.TYPE, request,
                json.valueToTree(ended), Instant.now()));
        answer(alice, request, "{\"answer\":\"SHARE\",\"clipIds\":[\"" + clip + "\"]}", 409);
    }

    // ---- retention ----

    @Test
    void retentionDeletesBytesNoValidShareNeedsAndGivesAReceipt() throws Exception {
        UUID agencyA = UUID.randomUUID();
        UUID agencyB = UUID.randomUUID();
        String alice = newId();
        String cam = camera(alice);
        UUID x = publish(agencyA);
        UUID y = publish(agencyB);
        byte[] bothBytes = video(5000);
        String both = upload(alice, cam, inWindow, bothBytes);
        String onlyX = upload(alice, cam);
        answer(alice, x, "{\"answer\":\"SHARE\",\"clipIds\":[\"" + both + "\",\"" + onlyX + "\"]}", 201);
        answer(alice, y, "{\"answer\":\"SHARE\",\"clipIds\":[\"" + both + "\"],\"retentionDays\":90}", 201);
        String onlyXKey = storageKey(onlyX);
        String bothKey = storageKey(both);
        String onlyXSha = given().header("Authorization", owner(alice)).get("/api/me/clips/" + onlyX)
                .then().extract().path("sha256");
        store.open(onlyXKey).close(); // stored

        TestDoubles.CLOCK.advance(Duration.ofDays(31));
        assertTrue(retention.expireDue() >= 1);

        assertThrows(NoSuchFileException.class, () -> store.open(onlyXKey), "retention must delete the bytes");
        assertEquals(404, download(agencyA, x, onlyX));
        assertEquals(404, download(agencyA, x, both));
        given().header("Authorization", owner(alice)).get("/api/me/deletion-receipts").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].clipId", equalTo(onlyX))
                .body("[0].sha256", equalTo(onlyXSha))
                .body("[0].reason", equalTo("RETENTION_ENDED"))
                .body("[0].deletedAt", notNullValue());
        given().header("Authorization", owner(alice)).get("/api/me/access-log").then()
                .body("find { it.clipId == '" + onlyX + "' }.action", equalTo("DELETED"));
        given().header("Authorization", owner(alice)).get("/api/me/clips/" + onlyX).then()
                .body("deletedAt", notNullValue());

        // Still needed by the 90-day share for agency B: kept and downloadable there.
        try (InputStream in = store.open(bothKey)) {
            assertArrayEquals(bothBytes, in.readAllBytes());
        }
        assertEquals(200, download(agencyB, y, both));
        assertEquals(0, retention.expireDue(), "nothing more is due");
        // The request itself expired meanwhile (7 days after publication): no more answers.
        answer(alice, x, "{\"answer\":\"SHARE\",\"clipIds\":[\"" + both + "\"]}", 409);

        TestDoubles.CLOCK.advance(Duration.ofDays(60));
        retention.expireDue();
        assertThrows(NoSuchFileException.class, () -> store.open(bothKey));
        assertEquals(404, download(agencyB, y, both));
        given().header("Authorization", owner(alice)).get("/api/me/deletion-receipts").then()
                .body("clipId", hasItem(both)).body("size()", equalTo(2));
    }

    // ---- counts for the public log ----

    @Test
    void countsBelowFiveAreSuppressed() {
        UUID agency = UUID.randomUUID();
        List<String> owners = Stream.generate(ClipSharingTest::newId).limit(6).toList();
        List<String> cams = owners.stream().map(this::camera).toList();
        UUID request = publish(agency);
        UUID lonely = publish(agency, lat + 0.05, lon); // ~5.5 km away: no camera there
        String counts = TestTokens.forService("consent-service").role("counts-reader").bearer();

        for (int i = 0; i < 4; i++) {
            share(owners.get(i), request, upload(owners.get(i), cams.get(i)));
        }
        answer(owners.get(5), request, "{\"answer\":\"DECLINE\"}", 200);
        // 6 cameras of 6 owners: published rounded to 5 after the request's noise (SmallCounts), so 5 or 10.
        given().header("Authorization", counts).get("/api/directory/requests/" + request + "/counts").then()
                .statusCode(200)
                .body("camerasReached", org.hamcrest.Matchers.anyOf(equalTo(5), equalTo(10)))
                .body("neighboursShared", nullValue())
                .body("clips", nullValue());

        share(owners.get(4), request, upload(owners.get(4), cams.get(4)));
        given().header("Authorization", counts).get("/api/directory/requests/" + request + "/counts").then()
                .statusCode(200)
                .body("camerasReached", org.hamcrest.Matchers.anyOf(equalTo(5), equalTo(10)))
                .body("neighboursShared", equalTo(5))
                .body("clips", equalTo(5));

        given().header("Authorization", counts).get("/api/directory/requests/" + lonely + "/counts").then()
                .statusCode(200).body("camerasReached", nullValue()).body("$", org.hamcrest.Matchers.hasKey("clips"));
        given().header("Authorization", counts).get("/api/directory/requests/" + UUID.randomUUID() + "/counts")
                .then().statusCode(404);
        // A public-log page asks for all its requests at once; unknown ids are left out, not failed.
        given().header("Authorization", counts)
                .queryParam("id", request).queryParam("id", lonely).queryParam("id", UUID.randomUUID())
                .get("/api/directory/requests/counts").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("find { it.requestId == '" + request + "' }.neighboursShared", equalTo(5))
                .body("find { it.requestId == '" + lonely + "' }.camerasReached", nullValue());
        given().header("Authorization", counts).get("/api/directory/requests/counts").then().statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", counts)
                .queryParam("id", Stream.generate(UUID::randomUUID).limit(101).toList())
                .get("/api/directory/requests/counts").then().statusCode(400);
        given().header("Authorization", owner(owners.get(0))).get("/api/directory/requests/" + request + "/counts")
                .then().statusCode(403);
        given().header("Authorization", investigator(agency)).get("/api/directory/requests/" + request + "/counts")
                .then().statusCode(403);
    }
}

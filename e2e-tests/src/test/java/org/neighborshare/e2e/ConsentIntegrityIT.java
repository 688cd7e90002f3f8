package org.neighborshare.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.neighborshare.testsupport.Race.race;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neighborshare.e2e.owasp.Enrolment;
import org.neighborshare.e2e.owasp.KeycloakUsers;

/**
 * Issue 9, consent-service's findings, black-box through the gateway with real Keycloak and PostgreSQL: a
 * suspended agency gets nothing shared (5), only the cameras that were asked share (6), published counts neither
 * count one owner's cameras nor tell apart two requests that differ by one owner (7), a poison feed event stops
 * the feed loudly and it resumes once repaired (11), and simultaneous answers, downloads, revocations and camera
 * deletes each have one outcome. Its own agency and owners, so nothing here touches the demo data.
 */
@ExtendWith(RunningSuite.class)
class ConsentIntegrityIT {

    static final String TAG = UUID.randomUUID().toString().substring(0, 8);
    static final String DOMAIN = "ci-" + TAG + ".example";
    /** Jurisdiction lon −100.10…−100.00, lat 41.00…41.08: nobody else's cameras are there. */
    static final String POLYGON = "{\"type\":\"Polygon\",\"coordinates\":[[[-100.10,41.00],[-100.00,41.00],"
            + "[-100.00,41.08],[-100.10,41.08],[-100.10,41.00]]]}";

    static final double METRE = 1 / 111_195.0;

    static String chief;
    static String investigator;
    static String agency;
    static List<String> owners;

    @BeforeAll
    static void enrol() {
        chief = "ci.chief." + TAG;
        investigator = "ci.det." + TAG;
        KeycloakUsers.ensure(chief, "chief@" + DOMAIN, true);
        KeycloakUsers.ensure(investigator, "det@" + DOMAIN, true);
        agency = Enrolment.approvedAgency(chief, "Integrity Police " + TAG, "POLICE", DOMAIN, POLYGON);
        Enrolment.addMember(chief, agency, "det@" + DOMAIN, "investigator");
        Gateway.freshToken(investigator);
        owners = IntStream.rangeClosed(1, 8)
                .mapToObj(i -> "ci.owner" + i + "." + TAG)
                .toList();
        owners.forEach(o -> KeycloakUsers.ensure(o, o + "@mail.example", true));
    }

    // ---- steps ----

    static String requestBody(double lat, double lon, int radius) {
        Instant end = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"caseNumber":"CI-%s","incidentType":"BURGLARY","description":"Shed break-in",
                 "windowStart":"%s","windowEnd":"%s",
                 "area":{"latitude":%s,"longitude":%s,"radiusMeters":%d},
                 "contact":"detectives@%s"}""".formatted(
                        UUID.randomUUID().toString().substring(0, 8),
                        end.minus(1, ChronoUnit.HOURS),
                        end,
                        lat,
                        lon,
                        radius,
                        DOMAIN);
    }

    /** Posts and publishes a request, and waits until it reached every one of {@code reached}. */
    static String publish(double lat, double lon, int radius, String... reached) {
        String id = Enrolment.publishedRequest(investigator, agency, requestBody(lat, lon, radius));
        for (String owner : reached) {
            Requests.awaitInbox(owner, ids -> ids.contains(id), Duration.ofSeconds(20));
        }
        return id;
    }

    static String camera(String owner, double lat, double lon) {
        return Clips.registerCamera(owner, "Integrity cam " + TAG, lat, lon);
    }

    static Instant inWindow(String owner, String request) {
        return Clips.inWindowOf(owner, Duration.ofMinutes(10), request);
    }

    static String clip(String owner, String camera, String request) {
        return Clips.upload(owner, camera, inWindow(owner, request), Clips.video(4096));
    }

    static Response answer(String owner, String request, String... clipIds) {
        String ids = String.join(
                ",", List.of(clipIds).stream().map(id -> "\"" + id + "\"").toList());
        return Gateway.as(owner)
                .body("{\"answer\":\"SHARE\",\"clipIds\":[" + ids + "]}")
                .post("/api/me/inbox/" + request + "/response");
    }

    static String clipsPath(String request) {
        return "/api/agencies/" + agency + "/requests/" + request + "/clips";
    }

    static Response download(String request, String clip) {
        return Gateway.as(investigator).get(clipsPath(request) + "/" + clip + "/content");
    }

    static JsonPath inboxEntry(String owner, String request) {
        JsonPath inbox = Gateway.as(owner)
                .get("/api/me/inbox")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return JsonPath.from(inbox.prettify()).setRootPath("find { it.requestId == '" + request + "' }");
    }

    static <T> T await(Supplier<T> read, Predicate<T> until, Duration within, String what) {
        Instant deadline = Instant.now().plus(within);
        T last = read.get();
        while (!until.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                fail(what + " not within " + within + "; last seen " + last);
            }
            sleep(250);
            last = read.get();
        }
        return last;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- finding 5: while the agency is not APPROVED, nothing is shared and the inbox says why ----

    @Test
    void whileTheAgencyIsSuspendedOwnersCannotShareTheInboxSaysWhyAndTheAgencyGetsNoClip() {
        String owner = owners.get(0);
        double lat = 41.020;
        double lon = -100.080;
        String cam = camera(owner, lat + 50 * METRE, lon);
        String request = publish(lat, lon, 300, owner);
        String shared = clip(owner, cam, request);
        String later = clip(owner, cam, request);
        answer(owner, request, shared).then().statusCode(201);
        assertEquals(true, inboxEntry(owner, request).getBoolean("answerable"));
        download(request, shared).then().statusCode(200);

        Gateway.as(DemoData.REVIEWER_1)
                .body("{\"reason\":\"integrity audit " + TAG + "\"}")
                .post("/api/agencies/" + agency + "/suspend")
                .then()
                .statusCode(200)
                .body("state", equalTo("SUSPENDED"));
        try {
            JsonPath entry = await(
                    () -> inboxEntry(owner, request),
                    e -> !e.getBoolean("answerable"),
                    Duration.ofSeconds(8),
                    "the inbox saying the request cannot be answered");
            assertEquals("the agency is suspended", entry.getString("reason"));
            Response refused = answer(owner, request, later);
            assertEquals(409, refused.statusCode(), refused.asString());
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
            refused.then().body("detail", containsString("the agency is suspended"));
            // The gateway's agency gate already stops the agency's members, clip downloads included.
            Response blocked = await(
                    () -> download(request, shared),
                    r -> r.statusCode() != 200,
                    Duration.ofSeconds(6),
                    "the download refused");
            assertEquals(403, blocked.statusCode(), blocked.asString());
            Gateway.as(investigator).get(clipsPath(request)).then().statusCode(403);
        } finally {
            Gateway.as(DemoData.REVIEWER_1)
                    .body("{\"reason\":\"audit closed " + TAG + "\"}")
                    .post("/api/agencies/" + agency + "/reinstate")
                    .then()
                    .statusCode(200)
                    .body("state", equalTo("APPROVED"));
        }
        await(
                () -> inboxEntry(owner, request),
                e -> e.getBoolean("answerable"),
                Duration.ofSeconds(8),
                "the inbox answerable again");
        answer(owner, request, later).then().statusCode(201);
        await(
                () -> download(request, later).statusCode(),
                s -> s == 200,
                Duration.ofSeconds(8),
                "downloads after reinstatement");
    }

    // ---- finding 6: only clips of the cameras the request was sent for ----

    @Test
    void aClipFromACameraTheRequestWasNotSentForCannotBeSharedNorDownloaded() {
        String owner = owners.get(1);
        double lat = 41.020;
        double lon = -100.050;
        String near = camera(owner, lat + 60 * METRE, lon);
        String pausedLater = camera(owner, lat + 90 * METRE, lon);
        String far = camera(owner, 59.91, 10.75); // Oslo: about 7,000 km from the request
        String request = publish(lat, lon, 300, owner);
        assertEquals(2, inboxEntry(owner, request).getInt("cameras"));
        String registeredLater = camera(owner, lat + 30 * METRE, lon); // in the area, but never asked

        String fromFar = clip(owner, far, request);
        String fromLater = clip(owner, registeredLater, request);
        String fromNear = clip(owner, near, request);
        String fromPaused = clip(owner, pausedLater, request);
        Gateway.as(owner)
                .post("/api/me/cameras/" + pausedLater + "/pause")
                .then()
                .statusCode(200);
        try {
            for (String foreign : List.of(fromFar, fromLater)) {
                Response refused = answer(owner, request, foreign);
                assertEquals(422, refused.statusCode(), refused.asString());
                refused.then()
                        .body("errors[0].field", equalTo("clipIds[0]"))
                        .body("detail", containsString("not sent for"));
            }
            answer(owner, request, fromNear, fromFar)
                    .then()
                    .statusCode(422)
                    .body("errors[0].field", equalTo("clipIds[1]"));
            Gateway.as(owner).get("/api/me/shares").then().statusCode(200).body("requestId", not(hasItem(request)));
            download(request, fromFar).then().statusCode(404);
            assertEquals(
                    List.of(),
                    Gateway.as(investigator)
                            .get(clipsPath(request))
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("clipId"));

            // A camera that was asked still counts once paused: its clip was recorded in the area.
            answer(owner, request, fromNear, fromPaused).then().statusCode(201);
            List<String> listed = Gateway.as(investigator)
                    .get(clipsPath(request))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("clipId", String.class);
            assertEquals(2, listed.size(), listed.toString());
            assertTrue(listed.containsAll(List.of(fromNear, fromPaused)), listed.toString());
        } finally {
            for (String c : List.of(near, pausedLater, far, registeredLater)) {
                Gateway.as(owner).delete("/api/me/cameras/" + c).then().statusCode(204);
            }
        }
    }

    // ---- finding 7: counts count owners and resist differencing ----

    static Integer publishedCameras(String request) {
        JsonPath log = Gateway.anonymous()
                .queryParam("size", 100)
                .get("/api/public/requests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(log.getList("id", String.class).contains(request), "request " + request + " on the first page");
        return log.get("find { it.id == '" + request + "' }.counts.camerasReached");
    }

    /** Could {@code trueCount} cameras have been published as {@code published} (5 * floor((n + noise) / 5))? */
    static boolean producible(int published, int trueCount) {
        return IntStream.range(0, 5).anyMatch(noise -> (trueCount + noise) / 5 * 5 == published);
    }

    @Test
    void countsCountOwnersAndTwoRequestsDifferingByOneOwnerDoNotRevealThatOwner() {
        // Five cameras of one owner: one owner, so no count is published.
        String hoarder = owners.get(7);
        double hLat = 41.072;
        double hLon = -100.010;
        for (int i = 0; i < 5; i++) {
            camera(hoarder, hLat + (20 + 15 * i) * METRE, hLon);
        }
        String oneOwner = publish(hLat, hLon, 300, hoarder);

        // Five owners within 150 m of the centre, a sixth in the ring between 200 m and 400 m.
        double lat = 41.060;
        double lon = -100.030;
        for (int i = 1; i <= 5; i++) {
            camera(owners.get(i), lat + (40 + 20 * i) * METRE, lon);
        }
        String ring = owners.get(6);
        camera(ring, lat + 300 * METRE, lon);
        String inner = publish(lat, lon, 200, owners.subList(1, 6).toArray(String[]::new));
        String outer = publish(lat, lon, 400, owners.subList(1, 7).toArray(String[]::new));

        assertEquals(null, publishedCameras(oneOwner), "five cameras of one owner are one owner: suppressed");
        Integer innerCount = publishedCameras(inner);
        Integer outerCount = publishedCameras(outer);
        // Before: 5 and 6, proving one camera in the ring. Now rounded to 5 after each request's own noise: the
        // inner one is 5 whatever its noise, the outer 5 or 10.
        assertEquals(5, innerCount);
        assertTrue(outerCount == 5 || outerCount == 10, "outer " + outerCount);
        // Not attributable: the same number of cameras could have produced both figures.
        assertTrue(
                producible(innerCount, 6) && producible(outerCount, 6),
                innerCount + " and " + outerCount + " are both what 6 cameras could show");
        // The noise is kept with the request: reading again does not average it out.
        for (int i = 0; i < 3; i++) {
            assertEquals(outerCount, publishedCameras(outer));
        }
    }

    // ---- races ----

    @Test
    void simultaneousSharesDownloadsRevocationAndDeletesEachHaveOneOutcome() throws Exception {
        String owner = owners.get(2);
        double lat = 41.040;
        double lon = -100.060;
        String cam = camera(owner, lat + 40 * METRE, lon);
        String request = publish(lat, lon, 300, owner);
        String c = clip(owner, cam, request);

        // Ten identical shares at once: one share, nine 409 problems, never a 500.
        List<Integer> shares =
                race(Collections.nCopies(10, () -> answer(owner, request, c).statusCode()));
        assertEquals(1, shares.stream().filter(s -> s == 201).count(), shares.toString());
        assertEquals(9, shares.stream().filter(s -> s == 409).count(), shares.toString());
        List<String> shareIds = Gateway.as(owner)
                .get("/api/me/shares")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.requestId == '" + request + "' }.id", String.class);
        assertEquals(1, shareIds.size(), shareIds.toString());

        // Ten first downloads racing the revocation: each download before it (200, logged) or after it (404).
        List<Callable<Integer>> calls = new ArrayList<>(
                Collections.nCopies(10, () -> download(request, c).statusCode()));
        calls.add(() ->
                Gateway.as(owner).delete("/api/me/shares/" + shareIds.get(0)).statusCode());
        List<Integer> statuses = race(calls);
        assertEquals(200, statuses.get(10), "the revocation");
        List<Integer> downloads = statuses.subList(0, 10);
        assertTrue(downloads.stream().allMatch(s -> s == 200 || s == 404), downloads.toString());
        assertEquals(downloads.stream().filter(s -> s == 200).count(), Clips.accessesTo(owner, c));
        download(request, c).then().statusCode(404);

        // Ten deletes of one camera: deleted once, the others 404.
        String doomed = camera(owner, lat, lon + 30 * METRE);
        List<Integer> deletes = race(Collections.nCopies(
                10, () -> Gateway.as(owner).delete("/api/me/cameras/" + doomed).statusCode()));
        assertEquals(1, deletes.stream().filter(s -> s == 204).count(), deletes.toString());
        assertEquals(9, deletes.stream().filter(s -> s == 404).count(), deletes.toString());
        Gateway.as(owner).delete("/api/me/cameras/" + cam).then().statusCode(204);
    }

    // ---- finding 11: a poison event stops the feed loudly, and it goes on once repaired ----

    /** consent-service's wellness health, on its management interface. */
    static JsonPath feedHealth() {
        String base = RunningSuite.config().managementUrl("consent-service");
        Response r = RestAssured.given().baseUri(base).get("/q/health/well");
        return r.jsonPath().setRootPath("checks.find { it.name == 'request-event-feed' }");
    }

    static void execute(String sql, Object... params) throws Exception {
        try (Connection db =
                        DriverManager.getConnection(RunningSuite.config().jdbcUrl("request"), "postgres", "postgres");
                PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    static long errorLinesAbout(String eventId) throws IOException {
        try (var lines = Files.lines(RunningSuite.suite().logFile("consent-service"))) {
            return lines.filter(l -> l.contains("ERROR") && l.contains(eventId)).count();
        }
    }

    @Test
    void aPoisonFeedEventStopsTheFeedLoudlyAndDeliveryResumesOnceItIsRepaired() throws Exception {
        String owner = owners.get(3);
        double lat = 41.010;
        double lon = -100.020;
        String cam = camera(owner, lat + 40 * METRE, lon);
        // As if request-service had written an event consent-service cannot read: a RequestPublished that is not one.
        UUID poison = UUID.randomUUID();
        UUID fakeRequest = UUID.randomUUID();
        execute(
                "insert into request_event (event_id, type, request_id, payload, created_at) "
                        + "values (?, 'REQUEST_PUBLISHED', ?, cast(? as jsonb), now())",
                poison,
                fakeRequest,
                "{\"requestId\":\"not-a-uuid\",\"latitude\":\"north\"}");
        String blocked = Enrolment.publishedRequest(investigator, agency, requestBody(lat, lon, 300));
        try {
            JsonPath check = await(
                    ConsentIntegrityIT::feedHealth,
                    h -> poison.toString().equals(h.getString("data.stuckEvent")),
                    Duration.ofSeconds(20),
                    "the feed health naming the stuck event");
            assertEquals("DOWN", check.getString("status"));
            assertEquals(fakeRequest.toString(), check.getString("data.stuckRequestId"));
            assertTrue(check.getString("data.reason").contains("unreadable feed event"), check.prettify());
            // Never skipped: the request published after it waits.
            sleep(3_000);
            assertFalse(Requests.inbox(owner).contains(blocked), "an event behind the poison one was applied");
            assertTrue(feedHealth().getLong("data.failedAttempts") >= 2, "retried");
            assertEquals(1, errorLinesAbout(poison.toString()), "one ERROR line however often it is retried");
        } finally {
            // The repair: the very same event, now readable (a request far from every camera).
            Instant end = Instant.now().minus(2, ChronoUnit.HOURS);
            execute(
                    "update request_event set payload = cast(? as jsonb) where event_id = ?",
                    """
                    {"requestId":"%s","agencyId":"%s","caseNumber":"CI-FIX","incidentType":"BURGLARY",
                     "description":"repaired","windowStart":"%s","windowEnd":"%s","latitude":-80.0,"longitude":0.0,
                     "radiusMeters":300,"emergency":false,"publishedAt":"%s","expiresAt":"%s"}""".formatted(
                                    fakeRequest,
                                    UUID.randomUUID(),
                                    end.minus(1, ChronoUnit.HOURS),
                                    end,
                                    Instant.now(),
                                    Instant.now().plus(7, ChronoUnit.DAYS)),
                    poison);
        }
        Requests.awaitInbox(owner, ids -> ids.contains(blocked), Duration.ofSeconds(20));
        JsonPath up = await(
                ConsentIntegrityIT::feedHealth,
                h -> "UP".equals(h.getString("status")),
                Duration.ofSeconds(10),
                "the feed healthy again");
        assertEquals(null, up.getString("data.stuckEvent"));
        assertEquals(1, errorLinesAbout(poison.toString()));
        Gateway.as(owner).delete("/api/me/cameras/" + cam).then().statusCode(204);
    }
}

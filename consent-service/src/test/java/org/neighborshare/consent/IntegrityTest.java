package org.neighborshare.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neighborshare.consent.Api.answer;
import static org.neighborshare.consent.Api.camera;
import static org.neighborshare.consent.Api.clipsPath;
import static org.neighborshare.consent.Api.counts;
import static org.neighborshare.consent.Api.download;
import static org.neighborshare.consent.Api.investigator;
import static org.neighborshare.consent.Api.owner;
import static org.neighborshare.consent.Api.share;
import static org.neighborshare.consent.Api.shareBody;
import static org.neighborshare.consent.Api.shares;
import static org.neighborshare.testsupport.Race.race;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neighborshare.testsupport.PostgresResource;

/**
 * The sharing rules against adversarial and concurrent use: an agency that is not APPROVED gets nothing shared,
 * only the cameras that were asked can share, counts count owners and resist differencing (I2), and simultaneous
 * answers, downloads, revocations and deletes each have exactly one outcome.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class IntegrityTest {

    // Each test its own place and window, far from the other test classes' cameras.
    final Neighbourhood here = new Neighbourhood(50, -60);

    @AfterEach
    void reset() {
        TestDoubles.AGENCY_STATES.clear();
    }

    static ExtractableResponse<Response> inboxEntry(String owner, UUID request) {
        return given().header("Authorization", owner(owner))
                .get("/api/me/inbox")
                .then()
                .statusCode(200)
                .extract();
    }

    // ---- finding 5: an agency that is not APPROVED ----

    @Test
    void whileTheAgencyIsNotApprovedNothingCanBeSharedAndTheInboxSaysWhy() {
        UUID agency = UUID.randomUUID();
        String alice = UUID.randomUUID().toString();
        String cam = here.cameraAt(alice, 50);
        UUID request = here.publish(agency);
        String first = here.clip(alice, cam);
        String second = here.clip(alice, cam);
        String entry = "find { it.requestId == '" + request + "' }.";
        inboxEntry(alice, request)
                .response()
                .then()
                .body(entry + "answerable", equalTo(true))
                .body(entry + "reason", nullValue());

        for (String[] state : new String[][] {
            {"SUSPENDED", "the agency is suspended"},
            {"EXPIRED", "the agency's approval has expired"},
            {"REVOKED", "the agency's approval was revoked"}
        }) {
            TestDoubles.AGENCY_STATES.put(agency, state[0]);
            ExtractableResponse<Response> refused = answer(alice, request, shareBody(first), 409);
            assertEquals("application/problem+json", refused.contentType());
            assertTrue(refused.<String>path("detail").contains(state[1]), refused.asString());
            answer(alice, request, "{\"answer\":\"DECLINE\"}", 409);
            inboxEntry(alice, request)
                    .response()
                    .then()
                    .body(entry + "answerable", equalTo(false))
                    .body(entry + "reason", equalTo(state[1]));
        }
        assertEquals(0, shares(alice, request), "nothing was shared while the agency was not approved");

        // The directory cannot be asked: never taken for approval.
        TestDoubles.AGENCY_STATES.put(agency, TestDoubles.UNREACHABLE);
        answer(alice, request, shareBody(first), 503);
        inboxEntry(alice, request)
                .response()
                .then()
                .body(entry + "answerable", equalTo(false))
                .body(entry + "reason", containsString("cannot be checked"));

        // Reinstated: sharing works again.
        TestDoubles.AGENCY_STATES.put(agency, "APPROVED");
        share(alice, request, first);
        assertEquals(200, download(agency, request, first));
        inboxEntry(alice, request).response().then().body(entry + "answerable", equalTo(true));
        // Shared while approved, suspended since: the owner cannot add more.
        TestDoubles.AGENCY_STATES.put(agency, "SUSPENDED");
        answer(alice, request, shareBody(second), 409);
        assertEquals(1, shares(alice, request));
    }

    // ---- finding 6: only the cameras that were asked ----

    @Test
    void onlyClipsOfTheCamerasTheRequestWasSentForCanBeShared() {
        UUID agency = UUID.randomUUID();
        String alice = UUID.randomUUID().toString();
        String near = here.cameraAt(alice, 50);
        String pausedLater = here.cameraAt(alice, 100);
        String deletedLater = here.cameraAt(alice, 150);
        String far = camera(alice, here.lat - 30, here.lon + 40); // thousands of kilometres away
        UUID request = here.publish(agency);
        given().header("Authorization", owner(alice))
                .get("/api/me/inbox")
                .then()
                .body("find { it.requestId == '" + request + "' }.cameras", equalTo(3));
        String registeredLater = here.cameraAt(alice, 60); // inside the area, but the request was never sent for it

        String fromNear = here.clip(alice, near);
        String fromFar = here.clip(alice, far);
        String fromLater = here.clip(alice, registeredLater);
        String fromPaused = here.clip(alice, pausedLater);
        String fromDeleted = here.clip(alice, deletedLater);
        given().header("Authorization", owner(alice))
                .post("/api/me/cameras/" + pausedLater + "/pause")
                .then()
                .statusCode(200);
        given().header("Authorization", owner(alice))
                .delete("/api/me/cameras/" + deletedLater)
                .then()
                .statusCode(204);

        ExtractableResponse<Response> farRefused = answer(alice, request, shareBody(fromFar), 422);
        assertEquals("clipIds[0]", farRefused.path("errors[0].field"));
        assertTrue(farRefused.<String>path("detail").contains("not sent for"), farRefused.asString());
        assertEquals(
                "clipIds[0]", answer(alice, request, shareBody(fromLater), 422).path("errors[0].field"));
        // One bad clip among good ones: named, and nothing is shared.
        assertEquals(
                "clipIds[1]",
                answer(alice, request, shareBody(fromNear, fromFar), 422).path("errors[0].field"));
        assertEquals(0, shares(alice, request));
        assertEquals(404, download(agency, request, fromFar));

        // Cameras asked at delivery still count after a pause or a delete: their clips were recorded in the area.
        share(alice, request, fromNear, fromPaused, fromDeleted);
        given().header("Authorization", investigator(agency))
                .get(clipsPath(agency, request))
                .then()
                .statusCode(200)
                .body("clipId", org.hamcrest.Matchers.containsInAnyOrder(fromNear, fromPaused, fromDeleted));
    }

    // ---- finding 7: counts count owners and resist differencing ----

    @Test
    void countsCountOwnersNotCamerasAndTwoRequestsDifferingByOneOwnerAreNotTold() {
        UUID agency = UUID.randomUUID();
        // Five cameras of one owner: one owner, so nothing is published.
        String hoarder = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            here.cameraAt(hoarder, 20 + i * 10);
        }
        UUID oneOwner = here.publish(agency, 150);
        counts(oneOwner).response().then().body("camerasReached", nullValue());

        // Five more owners within 150 m, and a sixth in the ring between 150 m and 300 m.
        List<String> owners = IntStream.range(0, 5)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        owners.forEach(o -> here.cameraAt(o, 100));
        String ringOwner = UUID.randomUUID().toString();
        here.cameraAt(ringOwner, 250);
        UUID inner = here.publish(agency, 150); // 6 owners, 10 cameras
        UUID outer = here.publish(agency, 300); // 7 owners, 11 cameras: one owner more, in the ring
        for (UUID r : List.of(inner, outer)) {
            short noise = QuarkusTransaction.requiringNew()
                    .call(() -> ((Number) Panache.getEntityManager()
                                    .createNativeQuery(
                                            "select count_noise_cameras from published_request where request_id = ?1")
                                    .setParameter(1, r)
                                    .getSingleResult())
                            .shortValue());
            assertTrue(noise >= 0 && noise <= 4, "noise " + noise);
        }
        Long innerCount = ((Number) counts(inner).path("camerasReached")).longValue();
        Long outerCount = ((Number) counts(outer).path("camerasReached")).longValue();
        // Published: 5 * floor((count + noise) / 5), never the raw 10 and 11 that told the ring apart.
        assertEquals(10L, innerCount, "inner: 10 cameras whatever the noise");
        assertTrue(outerCount == 10L || outerCount == 15L, "outer: 11 cameras, 10 or 15 by its noise: " + outerCount);
        // Read again and again: the same (the noise is the request's, persisted), so it cannot be averaged out.
        for (int i = 0; i < 5; i++) {
            assertEquals(innerCount, ((Number) counts(inner).path("camerasReached")).longValue());
            assertEquals(outerCount, ((Number) counts(outer).path("camerasReached")).longValue());
        }

        // With the same noise, the one owner more is not visible at all.
        for (UUID r : List.of(inner, outer)) {
            QuarkusTransaction.requiringNew()
                    .run(() -> Panache.getEntityManager()
                            .createNativeQuery(
                                    "update published_request set count_noise_cameras = 0 where request_id = ?1")
                            .setParameter(1, r)
                            .executeUpdate());
        }
        assertEquals(10, (int) counts(inner).path("camerasReached"));
        assertEquals(10, (int) counts(outer).path("camerasReached"));
    }

    @Test
    void sharesOfFewerThanFiveOwnersPublishNoClipCount() {
        UUID agency = UUID.randomUUID();
        String alice = UUID.randomUUID().toString();
        String cam = here.cameraAt(alice, 40);
        List<String> others = IntStream.range(0, 5)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        others.forEach(o -> here.cameraAt(o, 80));
        UUID request = here.publish(agency);
        // One owner shares six clips: six clips, but one owner behind them.
        List<String> clips =
                IntStream.range(0, 6).mapToObj(i -> here.clip(alice, cam)).toList();
        share(alice, request, clips.toArray(String[]::new));
        counts(request).response().then().body("clips", nullValue()).body("neighboursShared", nullValue());
    }

    // ---- races ----

    @Test
    void tenSimultaneousSharesOfOneClipMakeExactlyOneShare() throws Exception {
        UUID agency = UUID.randomUUID();
        String alice = UUID.randomUUID().toString();
        String cam = here.cameraAt(alice, 50);
        UUID request = here.publish(agency);
        String c = here.clip(alice, cam);
        List<Callable<Integer>> calls = Collections.nCopies(
                10,
                () -> given().header("Authorization", owner(alice))
                        .contentType(ContentType.JSON)
                        .body(shareBody(c))
                        .post("/api/me/inbox/" + request + "/response")
                        .statusCode());
        List<Integer> statuses = race(calls);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(9, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1, shares(alice, request));
        // Another clip later is another share, as before.
        share(alice, request, here.clip(alice, cam));
        assertEquals(2, shares(alice, request));
    }

    @Test
    void simultaneousFirstDownloadsAndARevocationEachHaveOneOutcome() throws Exception {
        UUID agency = UUID.randomUUID();
        String alice = UUID.randomUUID().toString();
        String cam = here.cameraAt(alice, 50);
        UUID request = here.publish(agency);
        String c = here.clip(alice, cam);
        String share = share(alice, request, c);
        List<Callable<Integer>> calls = new ArrayList<>(Collections.nCopies(10, () -> download(agency, request, c)));
        calls.add(() -> given().header("Authorization", owner(alice))
                .delete("/api/me/shares/" + share)
                .statusCode());
        List<Integer> statuses = race(calls);
        assertEquals(200, statuses.get(10), "the revocation");
        List<Integer> downloads = statuses.subList(0, 10);
        assertTrue(downloads.stream().allMatch(s -> s == 200 || s == 404), downloads.toString());
        // Every download that got through is in the owner's access log, and happened before the revocation.
        ExtractableResponse<Response> log = given().header("Authorization", owner(alice))
                .get("/api/me/access-log")
                .then()
                .statusCode(200)
                .extract();
        List<String> at = log.jsonPath().getList("findAll { it.clipId == '" + c + "' }.at", String.class);
        assertEquals(downloads.stream().filter(s -> s == 200).count(), at.size());
        Instant revokedAt = Instant.parse(given().header("Authorization", owner(alice))
                .get("/api/me/shares")
                .then()
                .extract()
                .path("find { it.id == '" + share + "' }.revokedAt"));
        assertTrue(at.stream().map(Instant::parse).noneMatch(t -> t.isAfter(revokedAt)), at + " vs " + revokedAt);
        assertEquals(404, download(agency, request, c));
    }

    @Test
    void simultaneousDeletesOfOneCameraDeleteItOnce() throws Exception {
        String alice = UUID.randomUUID().toString();
        String cam = here.cameraAt(alice, 50);
        List<Integer> statuses = race(Collections.nCopies(
                10,
                () -> given().header("Authorization", owner(alice))
                        .delete("/api/me/cameras/" + cam)
                        .statusCode()));
        assertEquals(1, statuses.stream().filter(s -> s == 204).count(), statuses.toString());
        assertEquals(9, statuses.stream().filter(s -> s == 404).count(), statuses.toString());
    }

    @Test
    void simultaneousFirstSettingsOfAnOwnerAreOneRow() throws Exception {
        String alice = UUID.randomUUID().toString();
        List<Integer> statuses = race(IntStream.range(0, 10)
                .<Callable<Integer>>mapToObj(i -> () -> given().header("Authorization", owner(alice))
                        .contentType(ContentType.JSON)
                        .body("{\"optedOut\":" + (i % 2 == 0) + "}")
                        .put("/api/me/settings")
                        .statusCode())
                .toList());
        assertTrue(statuses.stream().allMatch(s -> s == 200), statuses.toString());
    }
}

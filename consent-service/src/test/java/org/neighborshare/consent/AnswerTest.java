package org.neighborshare.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neighborshare.consent.Api.answer;
import static org.neighborshare.consent.Api.clipsPath;
import static org.neighborshare.consent.Api.investigator;
import static org.neighborshare.consent.Api.newId;
import static org.neighborshare.consent.Api.owner;
import static org.neighborshare.consent.Api.upload;
import static org.neighborshare.consent.Api.video;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neighborshare.consent.feed.FeedApplier;
import org.neighborshare.shared.events.FeedPage;
import org.neighborshare.shared.events.RequestEnded;
import org.neighborshare.testsupport.PostgresResource;

/**
 * An owner's answer to a request: its fields per choice, retention bounds, a decline that may become a share but
 * not the reverse, and no answer once the request has ended (docs/rules.md, owners, consent and clips).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class AnswerTest {

    // Each test its own place and window, far from the other test classes' cameras.
    final Neighbourhood here = new Neighbourhood(-30, 100);

    @Inject
    FeedApplier applier;

    @Inject
    ObjectMapper json;

    @Test
    void answersFollowTheRules() {
        UUID agency = UUID.randomUUID();
        String alice = newId();
        String cam = here.camera(alice);
        UUID request = here.publish(agency);
        String clip = here.clip(alice, cam);
        String early = upload(alice, cam, here.windowStart.minus(1, ChronoUnit.MINUTES), video(100));

        ExtractableResponse<Response> tooLong = answer(
                alice, request, "{\"answer\":\"SHARE\",\"clipIds\":[\"" + clip + "\"],\"retentionDays\":91}", 422);
        assertEquals("retentionDays", tooLong.path("errors[0].field"));
        assertEquals(
                "clipIds",
                answer(alice, request, "{\"answer\":\"SHARE\",\"clipIds\":[]}", 422)
                        .path("errors[0].field"));
        assertEquals(
                "clipIds[0]",
                answer(alice, request, "{\"answer\":\"SHARE\",\"clipIds\":[\"" + early + "\"]}", 422)
                        .path("errors[0].field"));
        assertEquals(
                "answer", answer(alice, request, "{\"answer\":\"MAYBE\"}", 400).path("errors[0].field"));
        answer(alice, request, "{\"answer\":\"SHARE\",\"clipIds\":[\"" + clip + "\"],\"status\":\"APPROVED\"}", 400);
        given().header("Authorization", owner(alice))
                .get("/api/me/shares")
                .then()
                .body("size()", equalTo(0));

        // A decline may become a share; a share is not turned into a decline (revoke instead).
        answer(alice, request, "{\"answer\":\"DECLINE\"}", 200);
        given().header("Authorization", owner(alice))
                .get("/api/me/inbox")
                .then()
                .body("find { it.requestId == '" + request + "' }.response", equalTo("DECLINE"));
        ExtractableResponse<Response> shared = answer(
                alice,
                request,
                "{\"answer\":\"SHARE\",\"clipIds\":[\"" + clip + "\"],\"retentionDays\":90,\"allowCopies\":true}",
                201);
        assertEquals(
                Instant.parse(shared.path("share.createdAt")).plus(Duration.ofDays(90)),
                Instant.parse(shared.path("share.expiresAt")));
        given().header("Authorization", owner(alice))
                .get("/api/me/inbox")
                .then()
                .body("find { it.requestId == '" + request + "' }.response", equalTo("SHARE"));
        answer(alice, request, "{\"answer\":\"DECLINE\"}", 409);
        given().header("Authorization", investigator(agency))
                .get(clipsPath(agency, request))
                .then()
                .body("[0].allowCopies", equalTo(true));

        // An ended request can no longer be answered.
        RequestEnded ended = new RequestEnded(request, "CLOSED", Instant.now());
        applier.apply(new FeedPage.Event(
                Api.nextSeq(), UUID.randomUUID(), RequestEnded.TYPE, request, json.valueToTree(ended), Instant.now()));
        answer(alice, request, "{\"answer\":\"SHARE\",\"clipIds\":[\"" + clip + "\"]}", 409);
    }
}

package org.neighborshare.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neighborshare.request.Api.create;
import static org.neighborshare.request.Api.feedReader;
import static org.neighborshare.request.Api.publish;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.neighborshare.request.service.FeedWakeUps;
import org.neighborshare.testsupport.PostgresResource;

/** The feed's long poll: {@code waitMs} makes a read that finds nothing wait for the next committed event. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class FeedLongPollTest {

    @Inject
    FeedWakeUps wakeUps;

    static long head() throws Exception {
        try (Connection c = PostgresResource.ownerConnection();
                ResultSet rs = c.createStatement().executeQuery("select coalesce(max(seq), 0) from request_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static JsonPath read(String bearer, long after, int waitMs) {
        return given().header("Authorization", bearer)
                .queryParam("after", after)
                .queryParam("waitMs", waitMs)
                .get("/api/feed/request-events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aLongPollAnswersWithTheEventCommittedDuringItsWait() throws Exception {
        long head = head();
        String bearer = feedReader();
        // The longest wait there is: an answer well before it ends can only come from the wake-up.
        CompletableFuture<JsonPath> poll = CompletableFuture.supplyAsync(() -> read(bearer, head, 25_000));
        while (wakeUps.waiting() == 0 && !poll.isDone()) {
            Thread.sleep(10); // until the poll is parked (no event follows head, so it must wait)
        }
        assertFalse(poll.isDone(), "nothing follows the head, so the poll waits");
        String id = publish(create(UUID.randomUUID(), "LP-" + UUID.randomUUID()));

        JsonPath page = poll.get(20, TimeUnit.SECONDS);
        List<String> ids = page.getList("events.requestId", String.class);
        assertTrue(ids.contains(id), "the long poll answers with the event published during its wait: " + ids);
        assertEquals("REQUEST_PUBLISHED", page.getString("events.find { it.requestId == '" + id + "' }.type"));
        long last = page.getLong("lastSeq");
        assertTrue(last > head);
        assertEquals(0, wakeUps.waiting(), "the waiter is gone");

        // Still a replayable log: the same position reads the same events, with or without a wait.
        JsonPath again = read(bearer, head, 0);
        assertEquals(page.getList("events.eventId"), again.getList("events.eventId"));
        assertEquals(last, again.getLong("lastSeq"));
        assertEquals(page.getList("events.eventId"), read(bearer, head, 5_000).getList("events.eventId"));
    }

    @Test
    void aLongPollThatHearsNothingAnswersAnEmptyPageAtTheCursor() throws Exception {
        long head = head();
        JsonPath page = read(feedReader(), head, 200);
        assertTrue(page.getList("events").isEmpty());
        assertEquals(head, page.getLong("lastSeq"));
    }

    @Test
    void aWaitOutOfRangeIsAProblemNamingIt() {
        String bearer = feedReader();
        for (String bad : List.of("-1", "25001", "abc", "99999999999")) {
            given().header("Authorization", bearer)
                    .queryParam("waitMs", bad)
                    .get("/api/feed/request-events")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("waitMs"));
        }
        given().header("Authorization", bearer)
                .queryParam("waitMs", 25_000)
                .queryParam("after", Long.MAX_VALUE)
                .queryParam("limit", 0)
                .get("/api/feed/request-events")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("limit")));
        assertEquals(0, wakeUps.waiting(), "a refused read never waits");
        given().header("Authorization", bearer)
                .get("/api/feed/request-events?after=" + Long.MAX_VALUE)
                .then()
                .statusCode(200)
                .body("events", empty());
    }
}

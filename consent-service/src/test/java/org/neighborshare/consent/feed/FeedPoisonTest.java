package org.neighborshare.consent.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neighborshare.consent.Api.owner;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;
import org.neighborshare.consent.Neighbourhood;
import org.neighborshare.shared.events.FeedPage;
import org.neighborshare.testsupport.PostgresResource;

/**
 * Finding 11: an event that cannot be applied stops the feed loudly. It is never skipped (later events wait), the
 * health check names it and why, one ERROR line is logged however often it is retried, and the consumer goes on by
 * itself once the event reads correctly.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class FeedPoisonTest {

    /** Stands in for request-service's feed: serves {@link #EVENTS} after the asked position. */
    @Alternative
    @Priority(1)
    @ApplicationScoped
    @RestClient
    public static class FakeFeed implements RequestFeedClient {

        static final List<FeedPage.Event> EVENTS = new CopyOnWriteArrayList<>();

        /** The {@code waitMs} of every read, in order. */
        static final List<Long> WAITS = new CopyOnWriteArrayList<>();

        /** When set, reads fail as an unreachable feed would. */
        static volatile RuntimeException down;

        @Override
        public FeedPage read(long after, int limit, long waitMs) {
            WAITS.add(waitMs);
            if (down != null) {
                throw down;
            }
            // Answers at once, as request-service does when events follow the position.
            List<FeedPage.Event> page =
                    EVENTS.stream().filter(e -> e.seq() > after).limit(limit).toList();
            return new FeedPage(
                    page, page.isEmpty() ? after : page.get(page.size() - 1).seq());
        }
    }

    @Inject
    FeedConsumer consumer;

    @Inject
    FeedApplier applier;

    @Inject
    @io.smallrye.health.api.Wellness
    FeedHealthCheck health;

    @Inject
    ObjectMapper json;

    List<String> inbox(String owner) {
        return given().header("Authorization", owner(owner))
                .get("/api/me/inbox")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("requestId", String.class);
    }

    /** The same event as request-service might serve it broken: a payload that is not a RequestPublished. */
    private FeedPage.Event poisoned(FeedPage.Event good) throws Exception {
        return new FeedPage.Event(
                good.seq(),
                good.eventId(),
                good.type(),
                good.requestId(),
                json.readTree("{\"requestId\":\"not-a-uuid\",\"latitude\":\"north\"}"),
                good.createdAt());
    }

    @Test
    void aPoisonEventStopsTheFeedLoudlyOnceAndItGoesOnWhenTheEventIsFixed() throws Exception {
        Neighbourhood here = new Neighbourhood(-70, 60);
        String alice = UUID.randomUUID().toString();
        here.camera(alice);

        long pos = applier.position();
        UUID poisonedRequest = UUID.randomUUID();
        FeedPage.Event good = here.publication(pos + 1, poisonedRequest);
        FeedPage.Event poison = poisoned(good);
        UUID later = UUID.randomUUID();
        FakeFeed.EVENTS.clear();
        FakeFeed.EVENTS.add(poison);
        FakeFeed.EVENTS.add(here.publication(pos + 2, later));

        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                    errors.add(r);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger(FeedConsumer.class.getName());
        log.addHandler(capture);
        try {
            for (int i = 0; i < 5; i++) {
                assertEquals(0, consumer.pollOnce(), "nothing gets past the poison event");
            }
            assertEquals(pos, applier.position(), "the cursor does not move past it");
            assertTrue(inbox(alice).isEmpty(), "the later event is not applied out of order either");

            HealthCheckResponse down = health.call();
            assertEquals(HealthCheckResponse.Status.DOWN, down.getStatus());
            var data = down.getData().orElseThrow();
            assertEquals(poison.eventId().toString(), data.get("stuckEvent"));
            assertEquals(poison.seq(), ((Number) data.get("stuckSeq")).longValue());
            assertEquals(poisonedRequest.toString(), data.get("stuckRequestId"));
            assertTrue(String.valueOf(data.get("reason")).contains("unreadable feed event"), data.toString());
            assertEquals(5L, ((Number) data.get("failedAttempts")).longValue());
            assertEquals(1, errors.size(), "one ERROR line, not one per retry: " + errors.size());
            String line = errors.get(0) instanceof org.jboss.logmanager.ExtLogRecord ext
                    ? ext.getFormattedMessage()
                    : errors.get(0).getMessage();
            assertTrue(line.contains(poison.eventId().toString()) && line.contains("seq " + poison.seq()), line);

            // request-service's outbox row is repaired: the very same event now reads.
            FakeFeed.EVENTS.set(0, good);
            assertEquals(2, consumer.pollOnce());
            assertEquals(pos + 2, applier.position());
            given().header("Authorization", owner(alice))
                    .get("/api/me/inbox")
                    .then()
                    .body("requestId", hasItem(poisonedRequest.toString()))
                    .body("requestId", hasItem(later.toString()));
            HealthCheckResponse up = health.call();
            assertEquals(HealthCheckResponse.Status.UP, up.getStatus());
            assertNull(up.getData().orElseThrow().get("stuckEvent"));
            assertNotNull(up.getData().orElseThrow().get("stuckEventsSinceStart"));
            assertEquals(1, errors.size());
            given().header("Authorization", owner(alice))
                    .get("/api/me/inbox")
                    .then()
                    .body("requestId", not(hasItem("not-a-uuid")));
        } finally {
            log.removeHandler(capture);
            FakeFeed.EVENTS.clear();
        }
    }

    @Test
    void theFollowerStopsOnAStuckEventUntilTheNextPollAndRetriesItNeverSkipping() throws Exception {
        Neighbourhood here = new Neighbourhood(-70, 60);
        String bob = UUID.randomUUID().toString();
        here.camera(bob);
        long pos = applier.position();
        UUID request = UUID.randomUUID();
        FeedPage.Event good = here.publication(pos + 1, request);
        FeedPage.Event poison = poisoned(good);
        UUID later = UUID.randomUUID();
        FakeFeed.EVENTS.clear();
        FakeFeed.WAITS.clear();
        FakeFeed.EVENTS.add(poison);
        FakeFeed.EVENTS.add(here.publication(pos + 2, later));
        try {
            // One scheduled run of the follower: one read, then it gives the thread back (no hot retry loop).
            consumer.follow();
            assertEquals(1, FakeFeed.WAITS.size(), "one read per run while stuck: " + FakeFeed.WAITS);
            assertEquals(pos, applier.position(), "never skipped");
            var data = health.call().getData().orElseThrow();
            assertEquals(poison.eventId().toString(), data.get("stuckEvent"));
            assertEquals(1L, ((Number) data.get("failedAttempts")).longValue());

            consumer.follow(); // the next poll interval retries the very same event
            assertEquals(2, FakeFeed.WAITS.size());
            assertEquals(pos, applier.position());
            assertEquals(2L, ((Number) health.call().getData().orElseThrow().get("failedAttempts")).longValue());
            assertTrue(inbox(bob).isEmpty(), "the later event waits behind it");

            FakeFeed.EVENTS.set(0, good);
            consumer.follow();
            assertEquals(pos + 2, applier.position(), "both applied, in order");
            assertEquals(HealthCheckResponse.Status.UP, health.call().getStatus());
            assertTrue(inbox(bob).containsAll(List.of(request.toString(), later.toString())));
            // It read with the long poll's wait each time, and after the page, once more (answered empty at once:
            // back to the schedule rather than asking again and again).
            assertEquals(4, FakeFeed.WAITS.size(), FakeFeed.WAITS.toString());
            assertTrue(FakeFeed.WAITS.stream().allMatch(w -> w == 20_000L), FakeFeed.WAITS.toString());
        } finally {
            FakeFeed.EVENTS.clear();
            FakeFeed.WAITS.clear();
        }
    }

    @Test
    void theFollowerStopsWhenTheFeedCannotBeRead() {
        FakeFeed.WAITS.clear();
        FakeFeed.down = new IllegalStateException("connection refused");
        try {
            consumer.follow();
            assertEquals(1, FakeFeed.WAITS.size(), "one read, then back to the schedule");
            HealthCheckResponse down = health.call();
            assertEquals(HealthCheckResponse.Status.DOWN, down.getStatus());
            assertTrue(
                    String.valueOf(down.getData().orElseThrow().get("reason")).contains("connection refused"));
        } finally {
            FakeFeed.down = null;
            FakeFeed.WAITS.clear();
        }
        consumer.pollOnce();
        assertEquals(HealthCheckResponse.Status.UP, health.call().getStatus(), "reachable again");
    }
}

package org.neighborshare.consent;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neighborshare.consent.Api.owner;
import static org.neighborshare.testsupport.Race.race;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.neighborshare.consent.service.CameraService;
import org.neighborshare.consent.service.NewCamera;
import org.neighborshare.consent.service.OwnerOptOut;
import org.neighborshare.testsupport.PostgresResource;

/**
 * An owner who opted out is reached by no request, through any of their cameras, including ones registered after
 * the opt-out; opted back in, they are reached again. The opt-out the matching reads is a copy on each camera row
 * (migration V6): these tests check that the copy always equals the owner's setting, also when an opt-out and a
 * camera registration happen at the same time.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class OptOutTest {

    final Neighbourhood here = new Neighbourhood(20, 60);

    @Inject
    OwnerOptOut optOut;

    @Inject
    CameraService cameras;

    static void settings(String ownerId, boolean optedOut) {
        given().header("Authorization", owner(ownerId))
                .contentType(ContentType.JSON)
                .body("{\"optedOut\":" + optedOut + "}")
                .put("/api/me/settings")
                .then()
                .statusCode(200);
    }

    /** The cameras of the owner the request asked, 0 when it is not in their inbox. */
    static int camerasAsked(String ownerId, UUID request) {
        List<Integer> found = given().header("Authorization", owner(ownerId))
                .get("/api/me/inbox")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.requestId == '" + request + "' }.cameras", Integer.class);
        return found.isEmpty() ? 0 : found.get(0);
    }

    @Test
    void anOptedOutOwnerIsReachedThroughNoneOfTheirCamerasUntilTheyOptBackIn() {
        String alice = UUID.randomUUID().toString();
        String bob = UUID.randomUUID().toString();
        here.cameraAt(alice, 20);
        here.cameraAt(alice, 80);
        here.cameraAt(bob, 50);

        settings(alice, true);
        UUID whileOut = here.publish(UUID.randomUUID());
        assertEquals(0, camerasAsked(alice, whileOut), "opted out: no camera of theirs is asked");
        assertEquals(1, camerasAsked(bob, whileOut), "the neighbour who did not opt out is");

        settings(alice, false);
        UUID backIn = here.publish(UUID.randomUUID());
        assertEquals(2, camerasAsked(alice, backIn), "opted back in: both cameras are asked again");
        assertEquals(0, camerasAsked(alice, whileOut), "a request published while opted out is not delivered later");
        assertConsistent(alice, false);
    }

    @Test
    void aCameraRegisteredAfterTheOptOutIsNotReached() {
        String carol = UUID.randomUUID().toString();
        here.cameraAt(carol, 30);
        settings(carol, true);
        here.cameraAt(carol, 60);
        assertConsistent(carol, true);
        UUID whileOut = here.publish(UUID.randomUUID());
        assertEquals(0, camerasAsked(carol, whileOut));

        // An owner whose very first settings are the opt-out, before any camera.
        String dave = UUID.randomUUID().toString();
        settings(dave, true);
        here.cameraAt(dave, 40);
        assertConsistent(dave, true);
        UUID alsoWhileOut = here.publish(UUID.randomUUID());
        assertEquals(0, camerasAsked(dave, alsoWhileOut));

        settings(carol, false);
        settings(dave, false);
        UUID backIn = here.publish(UUID.randomUUID());
        assertEquals(2, camerasAsked(carol, backIn));
        assertEquals(1, camerasAsked(dave, backIn));
    }

    @Test
    void aCameraRegisteredWhileAnOptOutIsBeingSavedWaitsForItAndIsOptedOut() throws Exception {
        String alice = UUID.randomUUID().toString();
        here.cameraAt(alice, 30);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch saved = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            Future<?> optingOut =
                    pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                        optOut.set(alice, true, Instant.now());
                        saved.countDown();
                        awaitGate(commit);
                    }));
            assertTrue(saved.await(60, TimeUnit.SECONDS), "the opt-out was saved, not yet committed");
            Future<String> registering = pool.submit(() -> here.cameraAt(alice, 70));
            untilDoneOrWaitingForTheOwner(registering);
            commit.countDown();
            optingOut.get(60, TimeUnit.SECONDS);
            registering.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertConsistent(alice, true);
        assertEquals(2, flags(alice).size());
    }

    @Test
    void anOptOutSavedWhileACameraIsBeingRegisteredWaitsForItAndCoversIt() throws Exception {
        String alice = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch registered = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            Future<?> registering =
                    pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                        cameras.register(alice, new NewCamera("Porch camera", here.lat, here.lon));
                        registered.countDown();
                        awaitGate(commit);
                    }));
            assertTrue(registered.await(60, TimeUnit.SECONDS), "the camera was added, not yet committed");
            Future<?> optingOut = pool.submit(() -> settings(alice, true));
            untilDoneOrWaitingForTheOwner(optingOut);
            commit.countDown();
            registering.get(60, TimeUnit.SECONDS);
            optingOut.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertConsistent(alice, true);
        assertEquals(1, flags(alice).size());
    }

    @Test
    void simultaneousOptOutsOptInsAndRegistrationsLeaveEveryCameraWithTheOwnersSetting() throws Exception {
        String alice = UUID.randomUUID().toString();
        here.cameraAt(alice, 10);
        for (int round = 0; round < 3; round++) {
            int r = round;
            List<Callable<Integer>> calls = new ArrayList<>(IntStream.range(0, 12)
                    .<Callable<Integer>>mapToObj(i -> i % 2 == 0
                            ? () -> {
                                settings(alice, (i / 2 + r) % 2 == 0);
                                return 200;
                            }
                            : () -> {
                                here.cameraAt(alice, 10 + i * 10);
                                return 201;
                            })
                    .toList());
            race(calls);
            List<Boolean> setting = setting(alice);
            assertEquals(1, setting.size());
            assertConsistent(alice, setting.get(0));
        }
        assertEquals(1 + 3 * 6, flags(alice).size());
    }

    static void awaitGate(CountDownLatch gate) {
        try {
            if (!gate.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns once {@code call} has finished or is waiting for a lock on the owner's settings row. Without that
     * lock the call would finish at once, and the assertions after the commit see the lost update.
     */
    static void untilDoneOrWaitingForTheOwner(Future<?> call) throws Exception {
        while (!call.isDone()) {
            try (Connection c = PostgresResource.ownerConnection();
                    ResultSet rs = c.createStatement()
                            .executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                                    + " and query like '%owner_settings%'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
    }

    static void assertConsistent(String ownerId, boolean optedOut) {
        List<Boolean> flags = flags(ownerId);
        assertTrue(!flags.isEmpty(), "the owner has cameras");
        assertTrue(
                flags.stream().allMatch(f -> f == optedOut),
                "every camera carries the owner's opt-out " + optedOut + ": " + flags);
    }

    static List<Boolean> flags(String ownerId) {
        return booleans("select owner_opted_out from camera where owner_id = ?", ownerId);
    }

    static List<Boolean> setting(String ownerId) {
        return booleans("select opted_out from owner_settings where owner_id = ?", ownerId);
    }

    static List<Boolean> booleans(String sql, String ownerId) {
        try (Connection c = PostgresResource.ownerConnection();
                PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, ownerId);
            List<Boolean> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getBoolean(1));
                }
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

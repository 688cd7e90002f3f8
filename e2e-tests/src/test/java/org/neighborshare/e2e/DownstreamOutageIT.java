package org.neighborshare.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.response.Response;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5: a downstream service killed mid-test is a 503 problem within 2 s, the other services are still served,
 * and once it is back the gateway serves it again without being restarted. A frozen service (SIGSTOP: it accepts
 * connections and never answers) is a 504 problem after the gateway's upstream timeout, not a hung client.
 */
@ExtendWith(RunningSuite.class)
class DownstreamOutageIT {

    @Test
    void aKilledServiceIs503ProblemWithinTwoSecondsAndIsServedAgainOnceBack() throws Exception {
        long gateway = RunningSuite.suite().pid("gateway").orElseThrow();
        Gateway.anonymous().get("/api/public/requests").then().statusCode(200);
        long pid = RunningSuite.suite().pid("request-service").orElseThrow();
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
        handle.destroyForcibly(); // SIGKILL: no graceful shutdown, as when a pod or node dies
        handle.onExit().get(10, TimeUnit.SECONDS);
        try {
            Response last = null;
            // The first calls meet a refused connection, the later ones an open circuit: all fast, all problems.
            for (int i = 0; i < 8; i++) {
                Instant t0 = Instant.now();
                last = Gateway.anonymous().get("/api/public/requests");
                long millis = Duration.between(t0, Instant.now()).toMillis();
                assertEquals(503, last.statusCode(), "call " + i + ": " + last.asString());
                assertTrue(last.contentType().startsWith("application/problem+json"), last.contentType());
                assertEquals(503, last.jsonPath().getInt("status"));
                assertTrue(millis < 2000, "call " + i + " took " + millis + " ms");
                assertFalse(last.asString().contains("Exception"), last.asString());
            }
            assertNotNull(last.header("Retry-After"), "an open circuit says when to retry: " + last.headers());
            Gateway.as(DemoData.INVESTIGATOR)
                    .get("/api/agencies/" + DemoData.RIVERTON + "/requests")
                    .then()
                    .statusCode(503);
            // The other services are untouched by request-service's outage.
            Gateway.anonymous().get("/api/public/agencies").then().statusCode(200);
            Gateway.as(DemoData.ALICE).get("/api/me/inbox").then().statusCode(200);
        } finally {
            RunningSuite.suite().start("request-service");
        }
        Duration back = awaitStatus(
                200, Duration.ofSeconds(20), () -> Gateway.anonymous().get("/api/public/requests"));
        Gateway.as(DemoData.INVESTIGATOR)
                .get("/api/agencies/" + DemoData.RIVERTON + "/requests")
                .then()
                .statusCode(200);
        assertEquals(gateway, RunningSuite.suite().pid("gateway").orElseThrow(), "the gateway was restarted");
        System.out.println(
                "request-service served again through the gateway " + back.toMillis() + " ms after its restart");
    }

    @Test
    void aFrozenServiceIs504ProblemAfterTheUpstreamTimeoutAndIsServedAgainOnceItThaws() throws Exception {
        Gateway.as(DemoData.ALICE).get("/api/me/inbox").then().statusCode(200);
        long pid = RunningSuite.suite().pid("consent-service").orElseThrow();
        signal("STOP", pid);
        Response r;
        long millis;
        try {
            Instant t0 = Instant.now();
            r = Gateway.as(DemoData.ALICE).get("/api/me/inbox");
            millis = Duration.between(t0, Instant.now()).toMillis();
        } finally {
            signal("CONT", pid);
        }
        assertEquals(504, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        // gateway.upstream.timeout is 10 s: the client waits that long, not forever.
        assertTrue(millis >= 9_000 && millis < 15_000, "answered after " + millis + " ms");
        awaitStatus(
                200, Duration.ofSeconds(20), () -> Gateway.as(DemoData.ALICE).get("/api/me/inbox"));
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                .inheritIO()
                .start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal + " " + pid);
    }

    private static Duration awaitStatus(int status, Duration within, Supplier<Response> call) {
        Instant start = Instant.now();
        Instant deadline = start.plus(within);
        int last = -1;
        while (Instant.now().isBefore(deadline)) {
            last = call.get().statusCode();
            if (last == status) {
                return Duration.between(start, Instant.now());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("still " + last + " after " + within + ", expected " + status);
        return within;
    }
}

package org.neighborshare.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Polling a started part's readiness URL, against a tiny local HTTP server and a stand-in process. */
class ReadinessTest {

    @TempDir
    Path tmp;

    private HttpServer server;
    private final AtomicInteger notReadyAnswers = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private ManagedProcess part;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/q/health/ready", exchange -> {
            calls.incrementAndGet();
            int status = notReadyAnswers.getAndDecrement() > 0 ? 503 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopAll() {
        server.stop(0);
        if (part != null) {
            part.stop(Duration.ofSeconds(1));
        }
    }

    private String readyUrl() {
        return "http://localhost:" + server.getAddress().getPort() + "/q/health/ready";
    }

    private ManagedProcess start(String script) throws IOException {
        part = new ManagedProcess(
                "consent-service",
                new ProcessLog("consent", null, null, -1),
                new ProcessLog("launcher", null, null, -1));
        part.start(List.of("bash", "-c", script), Map.of(), tmp);
        return part;
    }

    @Test
    void aPartIsReadyOnceItAnswers200() throws IOException {
        notReadyAnswers.set(2);
        ManagedProcess mp = start("sleep 30");
        Duration ready = new Readiness(() -> false).await(mp, readyUrl(), Duration.ofSeconds(10));
        assertTrue(calls.get() >= 3, "polled until the 200: " + calls.get());
        assertTrue(!ready.isNegative() && ready.toSeconds() < 10, ready.toString());
        assertTrue(mp.isAlive(), "a ready part keeps running");
    }

    @Test
    void aPartThatExitsFirstIsReportedWithItsLastOutput() throws IOException {
        notReadyAnswers.set(Integer.MAX_VALUE);
        ManagedProcess mp = start("echo cannot bind; exit 3");
        SuiteException e = assertThrows(
                SuiteException.class, () -> new Readiness(() -> false).await(mp, readyUrl(), Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("consent-service exited with code 3 before it was ready"), e.getMessage());
        assertTrue(e.getMessage().contains("cannot bind"), e.getMessage());
    }

    @Test
    void aPartNotReadyInTimeIsStopped() throws IOException {
        notReadyAnswers.set(Integer.MAX_VALUE);
        ManagedProcess mp = start("echo still starting; sleep 30");
        SuiteException e = assertThrows(
                SuiteException.class, () -> new Readiness(() -> false).await(mp, readyUrl(), Duration.ofSeconds(1)));
        assertTrue(
                e.getMessage().contains("consent-service was not ready after 1 s (" + readyUrl() + ")"),
                e.getMessage());
        assertTrue(e.getMessage().contains("still starting"), e.getMessage());
        assertFalse(mp.isAlive());
    }

    @Test
    void aPartNotListeningYetIsWaitedFor() throws IOException {
        int nothingListens;
        try (ServerSocket s = new ServerSocket(0)) {
            nothingListens = s.getLocalPort();
        }
        String url = "http://localhost:" + nothingListens + "/q/health/ready";
        ManagedProcess mp = start("sleep 30");
        SuiteException e = assertThrows(
                SuiteException.class, () -> new Readiness(() -> false).await(mp, url, Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("was not ready after"), e.getMessage());
        assertFalse(mp.isAlive());
    }

    @Test
    void closingTheSuiteEndsTheWait() throws IOException {
        notReadyAnswers.set(Integer.MAX_VALUE);
        ManagedProcess mp = start("sleep 30");
        Readiness readiness = new Readiness(() -> calls.get() >= 2); // closed while it polls
        SuiteException e =
                assertThrows(SuiteException.class, () -> readiness.await(mp, readyUrl(), Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("suite closed while consent-service was starting"), e.getMessage());
    }

    @Test
    void readyTimesAreWrittenInSeconds() {
        assertEquals("12.3 s", Readiness.seconds(Duration.ofMillis(12345)));
    }
}

package org.neighborshare.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Waits until a started part answers 200 on its readiness URL (Keycloak: the realm's OpenID configuration; a
 * service: {@code /q/health/ready} on its management port), giving up when the part exits, the suite is closed,
 * or the time is up. A part that is given up on while it runs is stopped.
 */
final class Readiness {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    /** The time to ready the launcher prints is only as fine as this (a cheap local GET per poll). */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final BooleanSupplier suiteClosed;

    /** @param suiteClosed true once the suite is closed: waiting stops then */
    Readiness(BooleanSupplier suiteClosed) {
        this.suiteClosed = suiteClosed;
    }

    /**
     * Polls {@code url} until it answers 200.
     *
     * @return the time from the process's start to ready
     * @throws SuiteException if the process exits first, the suite is closed, the thread is interrupted or
     *                        {@code timeout} passes (quoting the part's last output)
     */
    Duration await(ManagedProcess mp, String url, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        while (true) {
            if (suiteClosed.getAsBoolean()) {
                throw new SuiteException("suite closed while " + mp.name() + " was starting");
            }
            Process p = mp.process();
            if (!p.isAlive()) {
                throw new SuiteException(mp.name() + " exited with code " + p.exitValue() + " before it was ready\n"
                        + mp.log().tailForMessage());
            }
            if (answersOk(mp, request)) {
                return Duration.ofNanos(mp.elapsedNanos());
            }
            if (System.nanoTime() > deadline) {
                String tail = mp.log().tailForMessage();
                mp.stop(ManagedProcess.STOP_GRACE);
                throw new SuiteException(
                        mp.name() + " was not ready after " + timeout.toSeconds() + " s (" + url + ")\n" + tail);
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                throw interrupted(mp);
            }
        }
    }

    private boolean answersOk(ManagedProcess mp, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            throw interrupted(mp);
        }
    }

    private static SuiteException interrupted(ManagedProcess mp) {
        Thread.currentThread().interrupt();
        mp.stop(ManagedProcess.STOP_GRACE);
        return new SuiteException("interrupted while waiting for " + mp.name());
    }

    /** A ready time as the launcher prints it: {@code 12.3 s}. */
    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}

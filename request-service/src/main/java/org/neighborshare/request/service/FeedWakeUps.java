package org.neighborshare.request.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Wakes the feed's long polls when a request event commits, on whichever replica it was written: {@link
 * RequestFeed} sends a PostgreSQL {@code NOTIFY} in the transaction that appends the event (PostgreSQL delivers it
 * at commit, never for a rolled-back one), and each replica keeps one connection of its own that {@code LISTEN}s
 * and wakes its waiters. The connection reconnects by itself; while it is down, waiters are woken every second
 * instead, so they re-read the feed and a poll is at most about a second late, as before long polls.
 */
@ApplicationScoped
public class FeedWakeUps {

    /** The notification channel of the request event feed. */
    public static final String CHANNEL = "request_events";

    /** Waiters beyond this are answered at once: a long poll must never hold an unbounded number of requests. */
    static final int MAX_WAITERS = 256;

    private static final Logger LOG = Logger.getLogger(FeedWakeUps.class);
    private static final int LISTEN_SLICE_MS = 1000;
    private static final long PING_EVERY_MS = 10_000;

    @Inject
    DataSource dataSource;

    private final Set<CompletableFuture<Void>> waiters = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile Connection connection;
    private Thread listener;

    void start(@Observes StartupEvent ignored) {
        running = true;
        listener = new Thread(this::listen, "feed-wake-ups");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close(); // ends the listener's wait
            } catch (SQLException e) {
                LOG.debugf("closing the feed listener: %s", e.getMessage());
            }
        }
        wakeAll();
    }

    /**
     * A future completed at the next wake-up; empty when too many already wait. Take it before reading the feed,
     * so an event committed between the read and the wait still wakes this one; {@link #forget} it afterwards.
     */
    public Optional<CompletableFuture<Void>> register() {
        if (waiters.size() >= MAX_WAITERS) {
            return Optional.empty();
        }
        CompletableFuture<Void> w = new CompletableFuture<>();
        waiters.add(w);
        return Optional.of(w);
    }

    public void forget(CompletableFuture<Void> waiter) {
        waiters.remove(waiter);
    }

    /** How many long polls wait now (for tests). */
    public int waiting() {
        return waiters.size();
    }

    void wakeAll() {
        for (CompletableFuture<Void> w : waiters) {
            if (waiters.remove(w)) {
                w.complete(null);
            }
        }
    }

    private void listen() {
        boolean warned = false;
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                connection = c;
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("listen " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                if (warned) {
                    LOG.info("feed wake-ups listening again");
                    warned = false;
                }
                wakeAll(); // an event may have committed while nobody listened
                long lastPing = System.nanoTime();
                while (running) {
                    PGNotification[] got = pg.getNotifications(LISTEN_SLICE_MS);
                    if (got != null && got.length > 0) {
                        wakeAll();
                    }
                    // A connection that died without a word (no FIN) would otherwise go unnoticed.
                    if (System.nanoTime() - lastPing > PING_EVERY_MS * 1_000_000) {
                        if (!c.isValid(2)) {
                            throw new SQLException("the listening connection is no longer valid");
                        }
                        lastPing = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                if (!warned) {
                    LOG.warnf(
                            "feed wake-ups lost their connection; long polls re-read every second until it is back: %s",
                            e.getMessage());
                    warned = true;
                }
            } finally {
                connection = null;
            }
            sleep(LISTEN_SLICE_MS);
            wakeAll();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

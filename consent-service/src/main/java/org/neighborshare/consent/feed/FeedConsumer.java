package org.neighborshare.consent.feed;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.neighborshare.consent.config.ConsentConfig;
import org.neighborshare.shared.cluster.HeldByAnotherReplica;
import org.neighborshare.shared.cluster.JobLocks;
import org.neighborshare.shared.events.FeedPage;

/**
 * Follows the request event feed from the persisted cursor with long polls: each read waits at request-service
 * until an event commits (up to {@code consent.feed.wait}), so a published request is delivered as it commits.
 * Only the replica holding the job's lock follows the feed ({@link HeldByAnotherReplica}); the schedule checks
 * every {@code consent.feed.poll-every} that a follower runs on this replica while it leads.
 *
 * <p>If either side was down it simply resumes where it stopped, so no event is lost; FeedApplier makes a replay
 * harmless. An event that cannot be applied is never skipped: the consumer stops on it, says which and why (one
 * ERROR line, and {@link FeedHealthCheck}), tries it again at every poll interval (not in a hot loop), and goes on
 * by itself once the event reads correctly.
 */
@ApplicationScoped
public class FeedConsumer {

    static final String JOB = "consent-feed";
    private static final Logger LOG = Logger.getLogger(FeedConsumer.class);
    private static final int MAX_REASON = 500;

    @Inject
    ConsentConfig config;

    @Inject
    FeedApplier applier;

    @Inject
    FeedStatus status;

    @Inject
    JobLocks locks;

    @Inject
    @RestClient
    RequestFeedClient feed;

    /**
     * The follower's own thread: a long poll blocks for up to the wait, which a scheduler (Vert.x worker) thread
     * must not do for longer than Vert.x's blocked-thread limit.
     */
    private ExecutorService follower;

    private final AtomicBoolean following = new AtomicBoolean();
    private volatile boolean stopping;

    @PostConstruct
    void init() {
        follower = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "consent-feed");
            t.setDaemon(true);
            return t;
        });
    }

    void stop(@Observes ShutdownEvent ignored) {
        stopping = true;
        follower.shutdownNow();
    }

    @Scheduled(
            identity = JOB,
            skipExecutionIf = HeldByAnotherReplica.class,
            every = "${consent.feed.poll-every:1s}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!config.feed().enabled() || stopping || !following.compareAndSet(false, true)) {
            return;
        }
        try {
            follower.execute(() -> {
                ManagedContext request = Arc.container().requestContext();
                request.activate();
                try {
                    follow();
                } catch (RuntimeException e) {
                    LOG.warnf("request event feed follower stopped, restarting at the next poll: %s", reason(e));
                } finally {
                    request.terminate();
                    following.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            following.set(false); // shutting down
        }
    }

    /**
     * Reads the feed back to back while this replica leads it. Returns when it stops leading, when an event is
     * stuck or the feed cannot be read (the schedule starts it again one poll interval later: the back-off), and
     * when a read came back empty before its wait was up (a request-service that answers at once, e.g. with too
     * many waiters or without long polls: polled at the poll interval instead, never in a hot loop).
     */
    void follow() {
        long waitMs = Math.max(0, config.feed().waitFor().toMillis());
        while (!stopping && locks.holds(JOB)) {
            long started = System.nanoTime();
            int applied = pollOnce(waitMs);
            if (applied < 0) {
                return;
            }
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            if (applied == 0 && (waitMs == 0 || tookMs < waitMs / 2)) {
                return;
            }
        }
    }

    /** One read without waiting; returns how many events were applied (0 when stopped). */
    int pollOnce() {
        return Math.max(0, pollOnce(0));
    }

    /**
     * Reads one page, waiting up to {@code waitMs} for one, and applies it in order; returns how many events were
     * applied, or -1 when stopped (stuck on an event, or the feed unreadable).
     */
    int pollOnce(long waitMs) {
        FeedPage page;
        try {
            page = feed.read(applier.position(), config.feed().batchSize(), waitMs);
        } catch (RuntimeException e) {
            if (status.reachable(reason(e))) {
                LOG.warnf("request event feed unreachable, will retry: %s", e.getMessage());
            }
            return -1;
        }
        if (status.reachable(null)) {
            LOG.info("request event feed reachable again");
        }
        int applied = 0;
        for (FeedPage.Event event : page.events()) {
            try {
                applier.apply(event);
            } catch (RuntimeException e) {
                String reason = reason(e);
                if (status.failed(event, reason)) {
                    LOG.errorf(
                            "request event feed stopped at event %s (seq %d, %s, request %s): %s; every later "
                                    + "event waits until it can be applied, retrying on every poll",
                            event.eventId(), event.seq(), event.type(), event.requestId(), reason);
                }
                return -1;
            }
            FeedStatus.Stuck was = status.applied(event);
            if (was != null) {
                LOG.infof(
                        "request event feed moving again: event %s applied after %d failed attempt(s)",
                        event.eventId(), was.failedAttempts());
            }
            applied++;
        }
        return applied;
    }

    /** The failure and its causes on one line, short enough for a health detail. */
    static String reason(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < MAX_REASON; t = t.getCause() == t ? null : t.getCause()) {
            if (!sb.isEmpty()) {
                sb.append(" <- ");
            }
            String message = t.getMessage() == null
                    ? ""
                    : t.getMessage().lines().findFirst().orElse("");
            sb.append(t.getClass().getSimpleName()).append(message.isEmpty() ? "" : ": " + message);
        }
        return sb.length() <= MAX_REASON ? sb.toString() : sb.substring(0, MAX_REASON) + "…";
    }
}

package org.neighborshare.consent.feed;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.neighborshare.consent.config.ConsentConfig;
import org.neighborshare.shared.cluster.HeldByAnotherReplica;
import org.neighborshare.shared.events.FeedPage;

/**
 * Polls the request event feed from the persisted cursor. If either side was down it simply resumes where it
 * stopped, so no event is lost; FeedApplier makes a replay harmless. An event that cannot be applied is never
 * skipped: the consumer stops on it, says which and why (one ERROR line, and {@link FeedHealthCheck}), tries it
 * again on every poll, and goes on by itself once the event reads correctly.
 */
@ApplicationScoped
public class FeedConsumer {

    private static final Logger LOG = Logger.getLogger(FeedConsumer.class);
    private static final int MAX_REASON = 500;

    @Inject
    ConsentConfig config;

    @Inject
    FeedApplier applier;

    @Inject
    FeedStatus status;

    @Inject
    @RestClient
    RequestFeedClient feed;

    @Scheduled(
            identity = "consent-feed",
            skipExecutionIf = HeldByAnotherReplica.class,
            every = "${consent.feed.poll-every:1s}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!config.feed().enabled()) {
            return;
        }
        while (pollOnce() > 0) {
            // drain the backlog before sleeping again
        }
    }

    /** Reads one page and applies it in order; returns how many events were applied (0 when stopped). */
    int pollOnce() {
        FeedPage page;
        try {
            page = feed.read(applier.position(), config.feed().batchSize());
        } catch (RuntimeException e) {
            if (status.reachable(reason(e))) {
                LOG.warnf("request event feed unreachable, will retry: %s", e.getMessage());
            }
            return 0;
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
                return 0;
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

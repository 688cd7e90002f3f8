package org.neighborshare.consent.feed;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.neighborshare.shared.events.FeedPage;

/**
 * What the feed consumer is doing, for its health check: where it is, and which event it is stuck on and why. An
 * event that cannot be applied is never skipped (every later event waits behind it), so it must be visible.
 */
@ApplicationScoped
public class FeedStatus {

    /** The event the consumer cannot get past, since when, why (the latest failure), and how often it failed. */
    public record Stuck(
            long seq, UUID eventId, String type, UUID requestId, String reason, Instant since, long failedAttempts) {}

    private final Clock clock;
    private final AtomicLong stuckEvents = new AtomicLong();
    private volatile Stuck stuck;
    private volatile String unreachable;
    private volatile long lastApplied = -1;

    public FeedStatus(Clock clock) {
        this.clock = clock;
    }

    /** Records a failure to apply {@code event}; true if the consumer was not already stuck on it. */
    synchronized boolean failed(FeedPage.Event event, String reason) {
        Stuck s = stuck;
        if (s != null && s.eventId().equals(event.eventId())) {
            stuck = new Stuck(s.seq(), s.eventId(), s.type(), s.requestId(), reason, s.since(), s.failedAttempts() + 1);
            return false;
        }
        stuck = new Stuck(event.seq(), event.eventId(), event.type(), event.requestId(), reason, clock.instant(), 1);
        stuckEvents.incrementAndGet();
        return true;
    }

    /** Records that {@code event} was applied; returns what it had been stuck on, if it was this event. */
    synchronized Stuck applied(FeedPage.Event event) {
        lastApplied = event.seq();
        Stuck s = stuck;
        if (s != null && s.eventId().equals(event.eventId())) {
            stuck = null;
            return s;
        }
        return null;
    }

    /** Records whether the feed could be read; true if this changes it. */
    synchronized boolean reachable(String failure) {
        boolean changed = (unreachable == null) != (failure == null);
        unreachable = failure;
        return changed;
    }

    public Stuck stuck() {
        return stuck;
    }

    public String unreachable() {
        return unreachable;
    }

    /** Sequence number of the last event applied since start, -1 before the first. */
    public long lastApplied() {
        return lastApplied;
    }

    /** How many distinct events the consumer has been stuck on since start. */
    public long stuckEvents() {
        return stuckEvents.get();
    }
}

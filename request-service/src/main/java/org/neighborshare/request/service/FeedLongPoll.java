package org.neighborshare.request.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.neighborshare.shared.events.FeedPage;

/**
 * A feed read that may wait: when nothing follows {@code after}, it answers as soon as an event commits (on any
 * replica, {@link FeedWakeUps}) or when the wait ends, with the page read then (possibly empty). The wait holds
 * neither a thread nor a database connection. The feed stays what it was: an ordered, replayable log read by
 * position, so a consumer that re-asks the same position gets the same events.
 */
@ApplicationScoped
public class FeedLongPoll {

    @Inject
    FeedPages pages;

    @Inject
    FeedWakeUps wakeUps;

    public Uni<FeedPage> read(long after, int limit, Duration wait) {
        if (wait.isZero()) {
            return Uni.createFrom().item(pages.after(after, limit));
        }
        // Registered before the read: an event committed between the read and the wait still wakes it.
        Optional<CompletableFuture<Void>> waiter = wakeUps.register();
        FeedPage now;
        try {
            now = pages.after(after, limit);
        } catch (RuntimeException e) {
            waiter.ifPresent(wakeUps::forget);
            throw e;
        }
        if (!now.events().isEmpty() || waiter.isEmpty()) {
            waiter.ifPresent(wakeUps::forget);
            return Uni.createFrom().item(now);
        }
        CompletableFuture<Void> woken = waiter.get();
        return Uni.createFrom()
                .completionStage(woken)
                .ifNoItem()
                .after(wait)
                .recoverWithItem((Void) null)
                .onTermination()
                .invoke(() -> wakeUps.forget(woken))
                // Woken on the listener's thread or the timer's: read on a worker, never there.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(ignored -> pages.after(after, limit));
    }
}

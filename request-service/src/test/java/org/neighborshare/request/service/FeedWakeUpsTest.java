package org.neighborshare.request.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The waiters of the feed's long polls, without a database: bounded, and all woken at once. */
class FeedWakeUpsTest {

    @Test
    void waitersAreBoundedAndAWakeUpReleasesEveryOne() {
        FeedWakeUps wakeUps = new FeedWakeUps();
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        for (int i = 0; i < FeedWakeUps.MAX_WAITERS; i++) {
            waiting.add(wakeUps.register().orElseThrow());
        }
        assertTrue(wakeUps.register().isEmpty(), "one more than the bound is answered at once");
        wakeUps.forget(waiting.remove(0));
        assertTrue(wakeUps.register().isPresent(), "a forgotten waiter frees its place");

        wakeUps.wakeAll();
        assertTrue(waiting.stream().allMatch(CompletableFuture::isDone), "every waiter is woken");
        assertEquals(0, wakeUps.waiting());
        CompletableFuture<Void> later = wakeUps.register().orElseThrow();
        assertFalse(later.isDone(), "a waiter registered after the wake-up waits for the next one");
    }
}

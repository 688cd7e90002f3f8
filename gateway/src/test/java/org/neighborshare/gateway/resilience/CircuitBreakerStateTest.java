package org.neighborshare.gateway.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The circuit's state machine on a hand-driven clock. */
class CircuitBreakerStateTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final CircuitBreaker breaker = new CircuitBreaker("s", 3, Duration.ofSeconds(5), now::get);

    void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    void failTimes(int n) {
        for (int i = 0; i < n; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.onFailure();
        }
    }

    @Test
    void opensOnlyAfterThresholdConsecutiveFailures() {
        failTimes(2);
        assertTrue(breaker.tryAcquire());
        breaker.onSuccess(); // an answer in between resets the count
        failTimes(2);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        failTimes(1);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
        assertEquals(Duration.ofSeconds(5), breaker.retryAfter());
    }

    @Test
    void afterOpenForOneProbeGoesAndItsSuccessCloses() {
        failTimes(3);
        advance(Duration.ofMillis(4_999));
        assertFalse(breaker.tryAcquire());
        advance(Duration.ofMillis(1));
        assertTrue(breaker.tryAcquire(), "the probe");
        assertFalse(breaker.tryAcquire(), "only one probe at a time");
        breaker.onSuccess();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void aFailedProbeOpensAgainForAnotherPeriod() {
        failTimes(3);
        advance(Duration.ofSeconds(5));
        assertTrue(breaker.tryAcquire());
        breaker.onFailure();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        advance(Duration.ofSeconds(4));
        assertFalse(breaker.tryAcquire());
        advance(Duration.ofSeconds(1));
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void aProbeThatNeverReportsDoesNotWedgeTheCircuit() {
        failTimes(3);
        advance(Duration.ofSeconds(5));
        assertTrue(breaker.tryAcquire()); // e.g. the client went away: neither success nor failure is reported
        advance(Duration.ofSeconds(4));
        assertFalse(breaker.tryAcquire());
        advance(Duration.ofSeconds(1));
        assertTrue(breaker.tryAcquire(), "another probe after a further open-for");
        breaker.onSuccess();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    }
}

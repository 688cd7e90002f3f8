package org.neighborshare.gateway.resilience;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One upstream service's circuit. CLOSED: calls go through; {@code threshold} consecutive connection failures or
 * timeouts open it. OPEN: calls are refused at once (503) for {@code openFor}. Then HALF_OPEN: one call goes
 * through as a probe; its success closes the circuit, its failure opens it again. A probe that never reports
 * (a client that went away, a 502) does not wedge the circuit: another probe is let through after each further
 * {@code openFor}, so a service that is back is always served again without restarting the gateway.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final String service;
    private final int threshold;
    private final long openForNanos;
    private final LongSupplier clock;

    private State state = State.CLOSED;
    private int failures;
    /** OPEN: when the next probe may go; HALF_OPEN: when another probe may go if the last one never reported. */
    private long nextProbeAt;

    public CircuitBreaker(String service, int threshold, Duration openFor, LongSupplier clock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("gateway.circuit-breaker.failure-threshold must be at least 1");
        }
        if (openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("gateway.circuit-breaker.open-for must be positive");
        }
        this.service = service;
        this.threshold = threshold;
        this.openForNanos = openFor.toNanos();
        this.clock = clock;
    }

    public String service() {
        return service;
    }

    /** Whether a call may go to the service now; when refused, {@link #retryAfter()} says for how long. */
    public synchronized boolean tryAcquire() {
        if (state == State.CLOSED) {
            return true;
        }
        long now = clock.getAsLong();
        if (now - nextProbeAt < 0) {
            return false;
        }
        // This call is the probe; the next one may go only if it has not reported within another openFor.
        state = State.HALF_OPEN;
        nextProbeAt = now + openForNanos;
        return true;
    }

    /** Time until the next call may go (zero when closed). */
    public synchronized Duration retryAfter() {
        if (state == State.CLOSED) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(0, nextProbeAt - clock.getAsLong()));
    }

    /** The service answered (whatever the status): it is reachable. */
    public synchronized void onSuccess() {
        state = State.CLOSED;
        failures = 0;
    }

    /** No connection, or no answer within the timeout. */
    public synchronized void onFailure() {
        long now = clock.getAsLong();
        switch (state) {
            case CLOSED -> {
                if (++failures >= threshold) {
                    open(now);
                }
            }
            case HALF_OPEN -> open(now);
            case OPEN -> {
                // A call let through before the circuit opened failed late: nothing new.
            }
        }
    }

    public synchronized State state() {
        return state;
    }

    private void open(long now) {
        state = State.OPEN;
        failures = 0;
        nextProbeAt = now + openForNanos;
    }
}

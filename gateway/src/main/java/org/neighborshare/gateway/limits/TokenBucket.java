package org.neighborshare.gateway.limits;

/** A token bucket on {@link System#nanoTime()}; thread-safe (requests of one caller may hit several event loops). */
final class TokenBucket {

    private final double capacity;
    private final double nanosPerToken;
    private double tokens;
    private long last;

    TokenBucket(Rate rate, long now) {
        this.capacity = rate.requests();
        this.nanosPerToken = (double) rate.period().toNanos() / rate.requests();
        this.tokens = capacity;
        this.last = now;
    }

    /** Takes one token: 0 when granted, otherwise the nanoseconds until one will be there. */
    synchronized long take(long now) {
        if (now > last) {
            tokens = Math.min(capacity, tokens + (now - last) / nanosPerToken);
            last = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) * nanosPerToken));
    }
}

package org.neighborshare.gateway.limits;

import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;

/**
 * "{requests}/{period}", e.g. {@code 600/1m}: a bucket that holds {@code requests} calls and refills at
 * {@code requests} per {@code period}, so a client may burst up to the whole allowance and then goes at the
 * average rate.
 */
public record Rate(long requests, Duration period) {

    public Rate {
        if (requests < 1) {
            throw new IllegalArgumentException("a rate allows at least 1 request");
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate's period must be positive");
        }
    }

    public static Rate parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected {requests}/{period}, e.g. 600/1m: " + text);
        }
        long requests;
        Duration period;
        try {
            requests = Long.parseLong(parts[0].trim());
            period = DurationConverter.parseDuration(parts[1].trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("expected {requests}/{period}, e.g. 600/1m: " + text);
        }
        if (period == null) {
            throw new IllegalArgumentException("expected {requests}/{period}, e.g. 600/1m: " + text);
        }
        return new Rate(requests, period);
    }

    @Override
    public String toString() {
        return requests + "/" + period;
    }
}

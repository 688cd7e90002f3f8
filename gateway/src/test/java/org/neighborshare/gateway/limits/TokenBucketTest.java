package org.neighborshare.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    static final long SECOND = 1_000_000_000L;

    @Test
    void burstsUpToTheAllowanceThenRefillsAtTheAverageRate() {
        TokenBucket bucket = new TokenBucket(Rate.parse("3/1m"), 0);
        assertEquals(0, bucket.take(0));
        assertEquals(0, bucket.take(0));
        assertEquals(0, bucket.take(0));
        long wait = bucket.take(0);
        assertEquals(20 * SECOND, wait, "one token per 20 s");
        assertTrue(bucket.take(19 * SECOND) > 0);
        assertEquals(0, bucket.take(20 * SECOND));
        // Idle for an hour: full again, never more than the allowance.
        long later = 3600 * SECOND;
        for (int i = 0; i < 3; i++) {
            assertEquals(0, bucket.take(later));
        }
        assertTrue(bucket.take(later) > 0);
    }

    @Test
    void ratesReadAsRequestsPerPeriod() {
        assertEquals(new Rate(600, Duration.ofMinutes(1)), Rate.parse("600/1m"));
        assertEquals(new Rate(10, Duration.ofSeconds(1)), Rate.parse(" 10 / 1s "));
        assertEquals(new Rate(5, Duration.ofHours(1)), Rate.parse("5/PT1H"));
        for (String bad : new String[] {"600", "0/1m", "ten/1m", "5/0s", "5/soon", "1/1m/2"}) {
            assertThrows(IllegalArgumentException.class, () -> Rate.parse(bad), bad);
        }
    }
}

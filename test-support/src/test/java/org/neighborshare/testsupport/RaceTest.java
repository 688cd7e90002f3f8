package org.neighborshare.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RaceTest {

    @Test
    void resultsComeBackInCallerOrder() {
        List<Integer> results = Race.race(8, n -> {
            sleep(8 - n); // the first callers finish last
            return n * 10;
        });
        assertEquals(List.of(0, 10, 20, 30, 40, 50, 60, 70), results);
    }

    @Test
    void everyCallerHasItsOwnThreadAndAllAreInFlightTogether() throws Exception {
        int callers = 6;
        CyclicBarrier together = new CyclicBarrier(callers);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        List<Integer> results = Race.race(callers, n -> {
            threads.add(Thread.currentThread());
            try {
                // Only passes if all callers run at the same time.
                together.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return n;
        });
        assertEquals(List.of(0, 1, 2, 3, 4, 5), results);
        assertEquals(callers, threads.size());
    }

    @Test
    void aListOfCallsRacesInListOrder() {
        List<Callable<String>> calls = List.of(() -> "a", () -> "b", () -> "c");
        assertEquals(List.of("a", "b", "c"), Race.race(calls));
    }

    @Test
    void aFailingCallerFailsTheRaceWithItsOwnException() {
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        IllegalArgumentException thrown = assertThrows(
                IllegalArgumentException.class,
                () -> Race.race(3, n -> {
                    if (n == 1) {
                        throw boom;
                    }
                    return n;
                }));
        assertSame(boom, thrown);
        AssertionError failed = assertThrows(
                AssertionError.class,
                () -> Race.race(2, n -> {
                    throw new AssertionError("expected 200");
                }));
        assertEquals("expected 200", failed.getMessage());
    }

    @Test
    void aCheckedExceptionIsWrappedWithTheCaller() {
        IOException io = new IOException("io");
        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> Race.race(List.<Callable<Integer>>of(() -> 1, () -> {
                    throw io;
                })));
        assertSame(io, thrown.getCause());
        assertEquals("race: caller 1 of 2 failed", thrown.getMessage());
    }

    @Test
    void countsEqualResults() {
        assertEquals(2, Race.count(List.of(200, 409, 200), 200));
        assertEquals(0, Race.count(List.of(409), 201));
    }

    @Test
    void aRaceNeedsACaller() {
        assertThrows(IllegalArgumentException.class, () -> Race.race(0, n -> n));
        assertThrows(IllegalArgumentException.class, () -> Race.race(List.<Callable<Integer>>of()));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.neighborshare.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Starts callers at the same instant behind a gate and collects what each got back, in caller order: each caller
 * has its own thread, all wait until every one of them is ready, then the gate opens for all at once.
 */
public final class Race {

    /** How long the callers may take to be ready at the gate. */
    static final long READY_SECONDS = 30;

    /** How long each caller may take once the gate is open. */
    static final long CALL_SECONDS = 120;

    private Race() {}

    /** Runs {@code call(0)} .. {@code call(callers - 1)} at once; their results in caller order. */
    public static <T> List<T> race(int callers, IntFunction<T> call) {
        Objects.requireNonNull(call, "call");
        return run(callers, call::apply);
    }

    /** Runs every one of {@code calls} at once; their results in the order of {@code calls}. */
    public static <T> List<T> race(List<Callable<T>> calls) {
        List<Callable<T>> copy = List.copyOf(calls);
        return run(copy.size(), n -> copy.get(n).call());
    }

    /** How many of {@code results} equal {@code value}. */
    public static <T> long count(List<T> results, T value) {
        return results.stream().filter(r -> Objects.equals(r, value)).count();
    }

    private interface Caller<T> {
        T call(int n) throws Exception;
    }

    private static <T> List<T> run(int callers, Caller<T> call) {
        if (callers < 1) {
            throw new IllegalArgumentException("a race needs at least one caller, not " + callers);
        }
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch ready = new CountDownLatch(callers);
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int n = i;
                Callable<T> task = () -> {
                    ready.countDown();
                    gate.await();
                    return call.call(n);
                };
                futures.add(pool.submit(task));
            }
            if (!ready.await(READY_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("race: only " + (callers - ready.getCount()) + " of " + callers
                        + " callers were ready at the gate within " + READY_SECONDS + "s");
            }
            gate.countDown();
            List<T> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(result(futures.get(i), i, callers));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("race: interrupted while waiting for the callers", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T result(Future<T> future, int n, int callers) throws InterruptedException {
        try {
            return future.get(CALL_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "race: caller " + n + " of " + callers + " did not finish within " + CALL_SECONDS + "s", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("race: caller " + n + " of " + callers + " failed", cause);
        }
    }
}

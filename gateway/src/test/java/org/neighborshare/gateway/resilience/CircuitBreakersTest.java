package org.neighborshare.gateway.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neighborshare.gateway.config.GatewayConfig;

/** The circuit of one service (threshold 3, open for 300 ms) on a real Vert.x, as the gateway uses it. */
class CircuitBreakersTest {

    static final String S = "s";
    static final Duration OPEN_FOR = Duration.ofMillis(300);

    final Vertx vertx = Vertx.vertx();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final CircuitBreakers breakers = new CircuitBreakers(vertx, config(3, OPEN_FOR), registry);
    final AtomicInteger ran = new AtomicInteger();

    @AfterEach
    void close() {
        vertx.close()
                .toCompletionStage()
                .toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
    }

    /** A call that runs and settles at once: the service answered, or it was unreachable. */
    Future<Void> call(boolean answered) {
        return breakers.call(S, p -> {
            ran.incrementAndGet();
            if (answered) {
                p.complete();
            } else {
                p.fail("unreachable");
            }
        });
    }

    /** Waits for the call's outcome; true when the circuit refused it. */
    static boolean refused(Future<Void> call) {
        try {
            call.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            return false;
        } catch (Exception e) {
            return CircuitBreakers.refused(e.getCause());
        }
    }

    void failTimes(int n) {
        for (int i = 0; i < n; i++) {
            assertFalse(refused(call(false)));
        }
    }

    double gauge() {
        return registry.get("gateway.circuit.open").tag("service", S).gauge().value();
    }

    @Test
    void opensOnlyAfterThresholdConsecutiveFailures() {
        failTimes(2);
        assertFalse(refused(call(true))); // an answer in between resets the count
        failTimes(2);
        assertEquals(CircuitBreakerState.CLOSED, breakers.state(S));
        assertEquals(0, gauge());
        failTimes(1);
        assertEquals(CircuitBreakerState.OPEN, breakers.state(S));
        assertEquals(1, gauge());
        int before = ran.get();
        assertTrue(refused(call(true)));
        assertEquals(before, ran.get(), "an open circuit does not even try");
    }

    @Test
    void afterOpenForOneProbeGoesAndItsSuccessCloses() throws Exception {
        failTimes(3);
        assertTrue(refused(call(true)));
        Thread.sleep(OPEN_FOR.toMillis() + 200);
        Promise<Void> probe = Promise.promise();
        Future<Void> probing = breakers.call(S, p -> probe.future().onComplete(p));
        assertTrue(refused(call(true)), "only one probe at a time");
        probe.complete();
        assertFalse(refused(probing));
        assertEquals(CircuitBreakerState.CLOSED, breakers.state(S));
        assertEquals(0, gauge());
        assertFalse(refused(call(true)));
    }

    @Test
    void aFailedProbeOpensAgainForAnotherPeriod() throws Exception {
        failTimes(3);
        Thread.sleep(OPEN_FOR.toMillis() + 200);
        assertFalse(refused(call(false)), "the probe ran");
        assertEquals(CircuitBreakerState.OPEN, breakers.state(S));
        assertTrue(refused(call(true)));
        Thread.sleep(OPEN_FOR.toMillis() + 200);
        assertFalse(refused(call(true)));
        assertEquals(CircuitBreakerState.CLOSED, breakers.state(S));
    }

    @Test
    void retryAfterIsTheRestOfTheOpenPeriodInWholeSeconds() throws Exception {
        CircuitBreakers slow = new CircuitBreakers(vertx, config(1, Duration.ofSeconds(5)), new SimpleMeterRegistry());
        assertFalse(refused(slow.call(S, p -> p.fail("unreachable"))));
        assertEquals(CircuitBreakerState.OPEN, slow.state(S));
        assertEquals(5, slow.retryAfterSeconds(S));
        Thread.sleep(1_100);
        assertEquals(4, slow.retryAfterSeconds(S));
    }

    static GatewayConfig config(int threshold, Duration openFor) {
        GatewayConfig.CircuitBreaker cb =
                stub(GatewayConfig.CircuitBreaker.class, Map.of("failureThreshold", threshold, "openFor", openFor));
        return stub(
                GatewayConfig.class,
                Map.of(
                        "circuitBreaker",
                        cb,
                        "services",
                        Map.of(S, stub(GatewayConfig.Service.class, Map.of("url", "http://localhost:1")))));
    }

    @SuppressWarnings("unchecked")
    static <T> T stub(Class<T> type, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (!values.containsKey(method.getName())) {
                throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
            }
            return values.get(method.getName());
        });
    }
}

package org.neighborshare.gateway.resilience;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.neighborshare.gateway.config.GatewayConfig;

/**
 * One vertx-circuit-breaker per upstream service ({@code gateway.circuit-breaker.*}), shared by the proxy and the
 * agency-state check. CLOSED: calls go through; {@code failure-threshold} consecutive failures (no connection, or
 * no answer in time) open it. OPEN: calls are refused at once for {@code open-for}. Then HALF_OPEN: one call goes
 * through as a probe; its success closes the circuit, its failure opens it again. Every call settles its promise
 * (the upstream's idle timeout bounds the wait), so a probe cannot leave the circuit half open. The state is the
 * gauge {@code gateway_circuit_open{service}} (1 = refusing).
 */
@ApplicationScoped
public class CircuitBreakers {

    /**
     * The library counts failures in a rolling window (default 10 s); a success resets the count. A window this
     * long makes the count what the configuration says: consecutive failures, however far apart.
     */
    private static final Duration FAILURE_WINDOW = Duration.ofHours(1);

    private record Circuit(CircuitBreaker breaker, AtomicLong openedAt) {}

    private final Map<String, Circuit> circuits = new TreeMap<>();
    private final Duration openFor;

    @Inject
    public CircuitBreakers(Vertx vertx, GatewayConfig config, MeterRegistry registry) {
        GatewayConfig.CircuitBreaker cfg = config.circuitBreaker();
        if (cfg.failureThreshold() < 1) {
            throw new IllegalStateException("gateway.circuit-breaker.failure-threshold must be at least 1");
        }
        if (cfg.openFor().isNegative() || cfg.openFor().isZero()) {
            throw new IllegalStateException("gateway.circuit-breaker.open-for must be positive");
        }
        this.openFor = cfg.openFor();
        CircuitBreakerOptions options = new CircuitBreakerOptions()
                .setMaxFailures(cfg.failureThreshold())
                .setResetTimeout(cfg.openFor().toMillis())
                .setFailuresRollingWindow(FAILURE_WINDOW.toMillis())
                // The call judges itself (Upstreams, AgencyStates): a clip upload may rightly take minutes.
                .setTimeout(-1)
                // No state on the event bus: the gauge below is the one export.
                .setNotificationAddress(null);
        for (String service : config.services().keySet()) {
            AtomicLong openedAt = new AtomicLong();
            CircuitBreaker breaker = CircuitBreaker.create("gateway-" + service, vertx, options)
                    .openHandler(v -> openedAt.set(System.nanoTime()));
            circuits.put(service, new Circuit(breaker, openedAt));
            Gauge.builder("gateway.circuit.open", breaker, b -> b.state() == CircuitBreakerState.CLOSED ? 0 : 1)
                    .description("1 while the gateway refuses calls to the service after repeated failures")
                    .tag("service", service)
                    .register(registry);
        }
    }

    /**
     * Runs {@code call} through the service's circuit. The call completes its promise when the service answered
     * (whatever the status) and fails it when the service was unreachable or did not answer in time. While the
     * circuit is open the call does not run and the future fails at once ({@link #refused}).
     */
    public <T> Future<T> call(String service, Handler<Promise<T>> call) {
        return circuit(service).breaker().execute(call);
    }

    /** Whether a failure of {@link #call} means the circuit refused the call (it never ran). */
    public static boolean refused(Throwable failure) {
        return failure instanceof OpenCircuitException;
    }

    /** Whole seconds until the circuit lets a probe through, at least 1 (the probe of a half-open one is out). */
    public long retryAfterSeconds(String service) {
        Circuit circuit = circuit(service);
        long left = 0;
        if (circuit.breaker().state() == CircuitBreakerState.OPEN) {
            left = openFor.toMillis()
                    - Duration.ofNanos(System.nanoTime() - circuit.openedAt().get())
                            .toMillis();
        }
        return Math.max(1, (left + 999) / 1000);
    }

    public CircuitBreakerState state(String service) {
        return circuit(service).breaker().state();
    }

    private Circuit circuit(String service) {
        Circuit circuit = circuits.get(service);
        if (circuit == null) {
            throw new IllegalArgumentException("no such service: " + service);
        }
        return circuit;
    }
}

package org.neighborshare.gateway.resilience;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import org.neighborshare.gateway.config.GatewayConfig;

/**
 * A {@link CircuitBreaker} per upstream service ({@code gateway.circuit-breaker.*}), shared by the proxy and the
 * agency-state check. Its state is exported as the gauge {@code gateway_circuit_open{service}} (1 = refusing).
 */
@ApplicationScoped
public class CircuitBreakers {

    private final Map<String, CircuitBreaker> breakers = new TreeMap<>();

    @Inject
    public CircuitBreakers(GatewayConfig config, MeterRegistry registry) {
        GatewayConfig.CircuitBreaker cfg = config.circuitBreaker();
        for (String service : config.services().keySet()) {
            CircuitBreaker breaker = new CircuitBreaker(service, cfg.failureThreshold(), cfg.openFor(),
                    System::nanoTime);
            breakers.put(service, breaker);
            Gauge.builder("gateway.circuit.open", breaker,
                            b -> b.state() == CircuitBreaker.State.CLOSED ? 0 : 1)
                    .description("1 while the gateway refuses calls to the service after repeated failures")
                    .tag("service", service)
                    .register(registry);
        }
    }

    public CircuitBreaker of(String service) {
        CircuitBreaker breaker = breakers.get(service);
        if (breaker == null) {
            throw new IllegalArgumentException("no such service: " + service);
        }
        return breaker;
    }
}

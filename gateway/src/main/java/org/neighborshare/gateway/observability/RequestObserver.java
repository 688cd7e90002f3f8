package org.neighborshare.gateway.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.neighborshare.gateway.config.GatewayConfig;
import org.neighborshare.gateway.routing.Route;

/**
 * Per request: the timer {@code gateway.requests} (Prometheus {@code gateway_requests_seconds_*}) tagged with the
 * route's name, method and status, and one access-log line on {@code org.neighborshare.gateway.access} whose
 * fields travel as MDC (so the %prod JSON log has them as fields). The log carries the path, never the query
 * string (it may hold what a client should not have put there, such as a token) and no identity.
 */
@ApplicationScoped
public class RequestObserver {

    public static final String ACCESS_LOGGER = "org.neighborshare.gateway.access";
    /** What requests that match no route are tagged with. */
    public static final String UNMATCHED = "unmatched";

    private static final Logger ACCESS = Logger.getLogger(ACCESS_LOGGER);
    private static final String ROUTE = "neighbors.route";
    private static final String ROUTINE = "neighbors.routine";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final MeterRegistry registry;
    private final boolean accessLog;
    /**
     * Timer.builder().register() builds an id, sorts its tags and looks it up in the registry: per call that is a
     * visible part of the gateway's CPU. The set of keys is bounded (routes × methods × statuses).
     */
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private record TimerKey(String route, String method, int status) {}

    @Inject
    public RequestObserver(MeterRegistry registry, GatewayConfig config) {
        this.registry = registry;
        this.accessLog = config.accessLog().enabled();
    }

    /** Starts observing one request; the numbers are taken when its response has ended (or the client left). */
    public void begin(RoutingContext ctx, String requestId) {
        long start = System.nanoTime();
        ctx.addEndHandler(ignored -> end(ctx, requestId, start));
    }

    /** Names the route that matched, for the metrics and the log. */
    public static void matched(RoutingContext ctx, Route route) {
        ctx.put(ROUTE, route.name());
        if (route.routine()) {
            ctx.put(ROUTINE, Boolean.TRUE);
        }
    }

    private Timer timer(TimerKey key) {
        return Timer.builder("gateway.requests")
                .description("Requests answered by the gateway, by route, method and status")
                .tag("route", key.route())
                .tag("method", key.method())
                .tag("status", Integer.toString(key.status()))
                .register(registry);
    }

    private void end(RoutingContext ctx, String requestId, long start) {
        long nanos = System.nanoTime() - start;
        String route = ctx.get(ROUTE) instanceof String name ? name : UNMATCHED;
        String method = ctx.request().method().name();
        method = METHODS.contains(method) ? method : "OTHER";
        int status = ctx.response().getStatusCode();
        boolean completed = ctx.response().ended();
        timers.computeIfAbsent(new TimerKey(route, method, status), this::timer).record(nanos, TimeUnit.NANOSECONDS);
        // Routine polling is DEBUG unless it failed: a feed that stops answering 200 is worth seeing.
        Logger.Level level =
                Boolean.TRUE.equals(ctx.get(ROUTINE)) && status < 400 ? Logger.Level.DEBUG : Logger.Level.INFO;
        if (accessLog && ACCESS.isEnabled(level)) {
            long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
            MDC.put("requestId", requestId);
            MDC.put("route", route);
            MDC.put("method", method);
            MDC.put("path", ctx.normalizedPath());
            MDC.put("status", Integer.toString(status));
            MDC.put("durationMs", Long.toString(millis));
            try {
                // Concatenated, not logf: a format string parsed by java.util.Formatter on every call was a
                // visible share of the gateway's CPU per request (README, "Gateway against nginx").
                ACCESS.log(
                        level,
                        method + " " + ctx.normalizedPath() + " " + status + " " + millis + " ms route=" + route
                                + " id=" + requestId + (completed ? "" : " (client left early)"));
            } finally {
                MDC.remove("requestId");
                MDC.remove("route");
                MDC.remove("method");
                MDC.remove("path");
                MDC.remove("status");
                MDC.remove("durationMs");
            }
        }
    }
}

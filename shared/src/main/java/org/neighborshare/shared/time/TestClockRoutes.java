package org.neighborshare.shared.time;

import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * END-TO-END TESTS ONLY: moves this service's clock forward, on the management port (never the API port, never
 * through the gateway), and only when {@code neighbors.test-clock.enabled} is true, which only the launcher's
 * {@code SuiteConfig.forTests} sets. Otherwise the route does not exist (404), and in {@code %prod} it is refused
 * even if the flag is set.
 *
 * <p>{@code GET /q/test-clock} gives {@code {"now","offset"}}; {@code POST /q/test-clock/advance?by=PT24H} moves it.
 */
@ApplicationScoped
public class TestClockRoutes {

    public static final String FLAG = "neighbors.test-clock.enabled";
    /** Beside the other management endpoints (/q/health, /q/metrics). */
    public static final String PATH = "/q/test-clock";

    private static final Logger LOG = Logger.getLogger(TestClockRoutes.class);

    @ConfigProperty(name = FLAG, defaultValue = "false")
    boolean enabled;

    @Inject
    ClockOffset offset;

    @Inject
    Clock clock;

    void register(@Observes ManagementInterface management) {
        if (!enabled) {
            return;
        }
        if (ConfigUtils.getProfiles().contains("prod")) {
            LOG.errorf("%s is set in the prod profile: refused, the clock cannot be moved", FLAG);
            return;
        }
        LOG.warnf("%s: this service's clock can be moved forward at %s (end-to-end tests only)", FLAG, PATH);
        management.router().get(PATH).handler(this::show);
        management.router().post(PATH + "/advance").handler(this::advance);
    }

    private void show(RoutingContext rc) {
        rc.response().putHeader("Content-Type", "application/json").end(state().encode());
    }

    private void advance(RoutingContext rc) {
        String by = rc.request().getParam("by");
        try {
            offset.advance(Duration.parse(by == null ? "" : by));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            rc.response()
                    .setStatusCode(400)
                    .putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject()
                            .put("status", 400)
                            .put("title", "Bad Request")
                            .put("detail", "by: an ISO-8601 duration greater than zero, e.g. PT24H")
                            .encode());
            return;
        }
        show(rc);
    }

    private JsonObject state() {
        return new JsonObject()
                .put("now", clock.instant().toString())
                .put("offset", offset.get().toString());
    }
}

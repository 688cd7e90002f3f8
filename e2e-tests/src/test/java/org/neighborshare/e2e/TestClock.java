package org.neighborshare.e2e;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.neighborshare.shared.time.TestClockRoutes;

/**
 * The data services' movable clocks (END-TO-END TESTS ONLY: shared's TestClockRoutes, on each service's
 * management port, enabled only by the suite the tests start). Moves all three together, so their facts keep one
 * order in time.
 */
public final class TestClock {

    private static final List<String> SERVICES = List.of("agency-service", "request-service", "consent-service");

    private TestClock() {}

    /** Moves every data service's clock forward by {@code by}. */
    public static void advance(Duration by) {
        for (String service : SERVICES) {
            given().baseUri(RunningSuite.config().managementUrl(service))
                    .queryParam("by", by.toString())
                    .post(TestClockRoutes.PATH + "/advance")
                    .then()
                    .statusCode(200);
        }
    }

    /** The services' current time (consent-service's clock; all three move together). */
    public static Instant now() {
        return Instant.parse(given().baseUri(RunningSuite.config().managementUrl("consent-service"))
                .get(TestClockRoutes.PATH)
                .then()
                .statusCode(200)
                .extract()
                .path("now"));
    }
}

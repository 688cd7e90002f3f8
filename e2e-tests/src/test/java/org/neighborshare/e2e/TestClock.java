package org.neighborshare.e2e;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Moves the clocks of the running suite's data services forward together, through each one's management port
 * ({@code /q/test-clock}, which exists only because the launcher's {@code SuiteConfig.forTests} sets the test-only
 * flag): to let retention or expiry pass without waiting. Never backward. The suite's scheduled jobs look every
 * 2 s, so what falls due is done within seconds. Every later test in the same run sees the moved clock.
 */
public final class TestClock {

    static final List<String> SERVICES = List.of("agency-service", "request-service", "consent-service");

    private TestClock() {}

    public static void advance(Duration by) {
        for (String service : SERVICES) {
            given().queryParam("by", by.toString())
                    .post(RunningSuite.config().managementUrl(service) + "/q/test-clock/advance")
                    .then()
                    .statusCode(200);
        }
    }

    /** What the service takes for now. */
    public static Instant now(String service) {
        return Instant.parse(given().get(RunningSuite.config().managementUrl(service) + "/q/test-clock")
                .then()
                .statusCode(200)
                .extract()
                .path("now"));
    }
}

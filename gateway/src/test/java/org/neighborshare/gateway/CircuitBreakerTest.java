package org.neighborshare.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.neighborshare.gateway.support.FakeServices;

/**
 * The circuit of one upstream (the TEST ONLY flaky-service): it opens after consecutive connection failures,
 * answers 503 at once while open, and closes again by itself when the service is back on the same port.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class CircuitBreakerTest {

    static final String PATH = "/api/test-only/flaky/ping";

    @Test
    void circuitOpensAfterRepeatedFailuresAndRecoversWhenTheServiceIsBack() throws Exception {
        int threshold = ConfigProvider.getConfig().getValue("gateway.circuit-breaker.failure-threshold", Integer.class);
        Duration openFor = ConfigProvider.getConfig().getValue("gateway.circuit-breaker.open-for", Duration.class);
        given().when().get(PATH).then().statusCode(200);

        FakeServices.stopFlaky();
        try {
            // Connection failures, each a 503 "unreachable", until the circuit opens (a pooled connection the
            // service dropped may first show up as one 502).
            Response open = null;
            long openedAt = 0;
            for (int i = 0; i < threshold + 2 && open == null; i++) {
                Response r = given().when().get(PATH);
                assertTrue(r.statusCode() == 503 || r.statusCode() == 502, "while down: " + r.statusCode());
                if (r.header("Retry-After") != null) {
                    open = r;
                    openedAt = System.nanoTime();
                    assertTrue(i >= threshold, "opened after " + i + " failures, threshold " + threshold);
                }
            }
            assertNotNull(open, "the circuit did not open after " + (threshold + 2) + " failures");
            assertEquals(503, open.statusCode());
            assertEquals("application/problem+json", open.contentType());
            assertTrue(open.jsonPath().getString("detail").contains("flaky-service"), open.asString());
            long retryAfter = Long.parseLong(open.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= openFor.toSeconds(), "Retry-After " + retryAfter);

            // The service is back, but the open circuit does not even try it until open-for has passed.
            FakeServices.startFlaky();
            int hits = FakeServices.FLAKY_HITS.get();
            long start = System.nanoTime();
            Response refused = given().when().get(PATH);
            if (System.nanoTime() - openedAt < openFor.toNanos() * 3 / 4) {
                assertEquals(503, refused.statusCode());
                assertTrue(System.nanoTime() - start < Duration.ofMillis(500).toNanos(), "an open circuit is fast");
                assertEquals(hits, FakeServices.FLAKY_HITS.get(), "an open circuit let a call through");
            }
        } finally {
            FakeServices.startFlaky();
        }

        // Then one probe closes it and the service is served again, without restarting anything.
        long deadline = System.nanoTime() + openFor.plusSeconds(3).toNanos();
        while (given().when().get(PATH).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                fail("the service was not served again within " + openFor.plusSeconds(3));
            }
            Thread.sleep(100);
        }
        for (int i = 0; i < 3; i++) {
            given().when().get(PATH).then().statusCode(200);
        }
    }

    @Test
    void aProbeWhoseExchangeBreaksStillSettlesTheCircuit() throws Exception {
        Duration openFor = ConfigProvider.getConfig().getValue("gateway.circuit-breaker.open-for", Duration.class);
        given().when().get(PATH).then().statusCode(200);
        FakeServices.stopFlaky();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (given().when().get(PATH).header("Retry-After") == null) {
                assertTrue(System.nanoTime() < deadline, "the circuit did not open");
            }
        } finally {
            FakeServices.startFlaky();
        }
        Thread.sleep(openFor.toMillis() + 300);
        // The probe reaches the service, which drops the connection: neither an answer nor a timeout. The service
        // was reached, so the circuit closes rather than waiting for a probe that will never report.
        given().when().get("/api/test-only/flaky/close").then().statusCode(502);
        given().when().get(PATH).then().statusCode(200);
    }
}

package org.neighborshare.agency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neighborshare.shared.time.ClockOffset;
import org.neighborshare.testsupport.PostgresResource;

/**
 * The end-to-end suite's movable clock (shared/time/TestClockRoutes) with the flag on, as only the launcher's
 * SuiteConfig.forTests sets it: on the management port only, forward only.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@TestProfile(TestClockTest.FlagOn.class)
class TestClockTest {

    @TestHTTPResource(value = "/test-clock", management = true)
    URL management;

    @Inject
    ClockOffset offset;

    @Test
    void theClockMovesForwardOnTheManagementPortOnly() {
        Duration before = offset.get();
        given().queryParam("by", "PT24H")
                .post(management + "/advance")
                .then()
                .statusCode(200)
                .body("offset", equalTo(before.plusHours(24).toString()));
        assertEquals(before.plusHours(24), offset.get());
        for (String bad : new String[] {"-PT1H", "PT0S", "tomorrow", ""}) {
            given().queryParam("by", bad).post(management + "/advance").then().statusCode(400);
        }
        assertEquals(before.plusHours(24), offset.get(), "a refused move changes nothing");
        // Never on the API port: there every path needs the gateway's token, and this one does not exist.
        given().queryParam("by", "PT1H").post("/q/test-clock/advance").then().statusCode(401);
        given().header("Authorization", Api.anyone())
                .queryParam("by", "PT1H")
                .post("/q/test-clock/advance")
                .then()
                .statusCode(404);
        assertEquals(before.plusHours(24), offset.get());
    }

    public static class FlagOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("neighbors.test-clock.enabled", "true");
        }
    }
}

package org.neighborshare.agency;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.neighborshare.shared.time.ClockOffset;
import org.neighborshare.testsupport.PostgresResource;

/** Without the test-only flag (every run but the end-to-end suite) no one can move the clock: the route is absent. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class TestClockRefusedTest {

    @TestHTTPResource(value = "/test-clock", management = true)
    URL management;

    @Inject
    ClockOffset offset;

    @Test
    void theClockCannotBeMoved() {
        given().queryParam("by", "PT24H").post(management + "/advance").then().statusCode(404);
        given().get(management.toString()).then().statusCode(404);
        assertEquals(Duration.ZERO, offset.get());
    }
}

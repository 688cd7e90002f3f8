package org.neighborshare.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.neighborshare.gateway.support.FakeServices;
import org.neighborshare.gateway.support.RawHttp;

/**
 * The public port is the internet's side of the gateway: nothing operational is served there, and whatever a
 * client sends, however broken, is answered with a problem (application/problem+json), never a 500 and never an
 * empty body.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class PublicEdgeTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @TestHTTPResource(value = "/metrics", management = true)
    URL managementMetrics;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL managementReadiness;

    @Test
    void healthAndMetricsAreOnlyOnTheManagementPort() {
        for (String path : List.of(
                "/q/metrics",
                "/q/health",
                "/q/health/live",
                "/q/health/ready",
                "/q/health/started",
                "/q/openapi",
                "/q/metrics/json")) {
            given().when()
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType(PROBLEM_JSON)
                    .body("status", equalTo(404));
        }
        given().when().get(managementReadiness).then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/api/public/agencies").then().statusCode(200);
        String metrics = given().when()
                .get(managementMetrics)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(metrics.contains("gateway_requests_seconds"), "no gateway metrics on the management port");
        assertTrue(managementMetrics.getPort() != RestAssured.port, "management shares the public port");
    }

    @Test
    void aMissingHostIsA400Problem() throws Exception {
        assertProblem(
                400,
                RawHttp.exchange(RestAssured.port, "GET /api/public/agencies HTTP/1.1\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void aMalformedHostIsA400Problem() throws Exception {
        for (String host : List.of("[[[", "a b", "localhost:99999", "localhost:x", "[::1", "exa mple:80")) {
            assertProblem(
                    400,
                    RawHttp.exchange(
                            RestAssured.port,
                            "GET /api/public/agencies HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"));
        }
        assertProblem(
                400,
                RawHttp.exchange(
                        RestAssured.port,
                        "GET /api/public/agencies HTTP/1.1\r\nHost: a\r\n" + "Host: b\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void aTooLongUriIsA414Problem() throws Exception {
        String uri = "/api/public/agencies?q=" + "a".repeat(20 * 1024);
        assertProblem(
                414,
                RawHttp.exchange(
                        RestAssured.port, "GET " + uri + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void tooLargeHeadersAreA431Problem() throws Exception {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            headers.append("X-Filler-")
                    .append(i)
                    .append(": ")
                    .append("f".repeat(1024))
                    .append("\r\n");
        }
        assertProblem(
                431,
                RawHttp.exchange(
                        RestAssured.port,
                        "GET /api/public/agencies HTTP/1.1\r\nHost: localhost\r\n" + headers
                                + "Connection: close\r\n\r\n"));
    }

    /**
     * A request line the HTTP codec cannot parse never reaches Quarkus's router: Vert.x answers it itself, a 400
     * with an empty body (the server's invalid-request handler is not open to Quarkus applications). What this
     * holds: a 400, never a 500, and the connection is closed.
     */
    @Test
    void aGarbageRequestLineIsA400() throws Exception {
        for (String garbage : List.of(
                "\u0001\u0002 garbage \u0003\r\nHost: x\r\n\r\n",
                "GET\r\nHost: localhost\r\n\r\n",
                "GET /api/public/agencies HTTP/1.1 extra\r\n\r\n")) {
            RawHttp.Response response = RawHttp.exchange(RestAssured.port, garbage);
            assertEquals(400, response.status(), response.head());
        }
    }

    @Test
    void aCorsRefusalIsA403Problem() throws Exception {
        assertProblem(
                403,
                RawHttp.exchange(
                        RestAssured.port,
                        "OPTIONS /api/me/cameras HTTP/1.1\r\n"
                                + "Host: localhost\r\nOrigin: https://evil.example\r\nAccess-Control-Request-Method: DELETE\r\n"
                                + "Connection: close\r\n\r\n"));
        assertProblem(
                403,
                RawHttp.exchange(
                        RestAssured.port,
                        "GET /api/public/agencies HTTP/1.1\r\n"
                                + "Host: localhost\r\nOrigin: https://evil.example\r\nConnection: close\r\n\r\n"));
    }

    private static void assertProblem(int status, RawHttp.Response response) {
        assertEquals(status, response.status(), response.head() + "\n\n" + response.body());
        assertTrue(
                response.head().toLowerCase(Locale.ROOT).contains("content-type: " + PROBLEM_JSON),
                "not a problem: " + response.head());
        assertTrue(response.body().contains("\"status\":" + status), "problem body: " + response.body());
    }
}

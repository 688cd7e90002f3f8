package org.neighborshare.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.neighborshare.gateway.observability.RequestObserver;
import org.neighborshare.gateway.support.FakeServices;
import org.neighborshare.gateway.support.KeycloakTokens;

/**
 * Prometheus metrics per route and status on /q/metrics of the management port, and one access-log record per
 * request.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class ObservabilityTest {

    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    private String metrics() {
        return given().when().get(metricsUrl).then().statusCode(200).extract().asString();
    }

    /** The count of gateway_requests_seconds for a route, method and status (0 when there is no such series). */
    private double requests(String route, String method, String status) {
        String metrics = metrics();
        double total = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("gateway_requests_seconds_count{")
                    && line.contains("route=\"" + route + "\"")
                    && line.contains("method=\"" + method + "\"")
                    && line.contains("status=\"" + status + "\"")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    @Test
    void metricsCountRequestsPerRouteAndStatus() {
        double ok = requests("public-requests", "GET", "200");
        double forbidden = requests("vetting", "GET", "403");
        given().when().get("/api/public/transparency").then().statusCode(200);
        given().when().get("/api/public/requests").then().statusCode(200);
        given().header("Authorization", KeycloakTokens.user().role("owner").bearer())
                .when()
                .get("/api/vetting/queue")
                .then()
                .statusCode(403);
        assertEquals(ok + 2, requests("public-requests", "GET", "200"));
        assertEquals(forbidden + 1, requests("vetting", "GET", "403"));
        // Paths no route names are counted, under one tag rather than one series per path.
        given().when().get("/api/nothing-here-" + System.nanoTime()).then().statusCode(404);
        assertTrue(requests(RequestObserver.UNMATCHED, "GET", "404") >= 1);
    }

    @Test
    void noMetricSeriesCarriesARawRequestPath() {
        String id = java.util.UUID.randomUUID().toString();
        given().when().get("/api/public/agencies/" + id).then().statusCode(200);
        given().when().get("/api/unknown/" + id).then().statusCode(404);
        String metrics = metrics();
        assertFalse(metrics.contains(id), "a path became a metric tag");
    }

    @Test
    void metricsExportEachServicesCircuitState() {
        String metrics = metrics();
        Matcher m = Pattern.compile("gateway_circuit_open\\{[^}]*service=\"consent-service\"[^}]*} (\\S+)")
                .matcher(metrics);
        assertTrue(m.find(), "no circuit gauge for consent-service");
        assertEquals(0.0, Double.parseDouble(m.group(1)));
    }

    @Test
    void everyRequestLeavesOneAccessLogRecordWithItsFieldsAndWithoutItsQuery() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    ext.copyAll(); // the MDC is the logging thread's until copied
                }
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(RequestObserver.ACCESS_LOGGER);
        logger.addHandler(capture);
        try {
            String id = "access-log-" + System.nanoTime();
            given().header("X-Request-Id", id)
                    .queryParam("access_token", "secret-in-query")
                    .when()
                    .get("/api/public/agencies")
                    .then()
                    .statusCode(200);
            ExtLogRecord record = null;
            for (int i = 0; i < 50 && record == null; i++) {
                for (LogRecord r : records) {
                    if (r instanceof ExtLogRecord ext && id.equals(ext.getMdc("requestId"))) {
                        record = ext;
                    }
                }
                if (record == null) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            assertNotNull(record, "no access-log record for " + id);
            assertEquals("public-agencies", record.getMdc("route"));
            assertEquals("200", record.getMdc("status"));
            assertEquals("/api/public/agencies", record.getMdc("path"));
            assertNotNull(record.getMdc("durationMs"));
            assertFalse(record.getFormattedMessage().contains("secret-in-query"), record.getFormattedMessage());
        } finally {
            logger.removeHandler(capture);
        }
    }

    /**
     * consent-service polls the feed every second: those lines are DEBUG, so the console shows what people do.
     * A user's request stays INFO, and so does a poll that failed.
     */
    @Test
    void routinePollingLogsAtDebugAndUserRequestsAtInfo() {
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    ext.copyAll();
                    records.add(ext);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(RequestObserver.ACCESS_LOGGER);
        java.util.logging.Level before = logger.getLevel();
        logger.setLevel(org.jboss.logmanager.Level.DEBUG); // so that DEBUG lines are published at all
        logger.addHandler(capture);
        try {
            String poll = "poll-" + System.nanoTime();
            String user = "user-" + System.nanoTime();
            String refused = "refused-" + System.nanoTime();
            given().header("X-Request-Id", poll)
                    .header(
                            "Authorization",
                            KeycloakTokens.user()
                                    .role("feed-reader")
                                    .azp("consent-service")
                                    .bearer())
                    .when()
                    .get("/api/feed/request-events")
                    .then()
                    .statusCode(200);
            given().header("X-Request-Id", user)
                    .when()
                    .get("/api/public/agencies")
                    .then()
                    .statusCode(200);
            given().header("X-Request-Id", refused)
                    .header("Authorization", KeycloakTokens.user().role("owner").bearer())
                    .when()
                    .get("/api/feed/request-events")
                    .then()
                    .statusCode(403);
            assertEquals(
                    org.jboss.logmanager.Level.DEBUG, awaitRecord(records, poll).getLevel());
            assertEquals(
                    org.jboss.logmanager.Level.INFO, awaitRecord(records, user).getLevel());
            assertEquals(
                    org.jboss.logmanager.Level.INFO,
                    awaitRecord(records, refused).getLevel());
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(before);
        }
    }

    private static ExtLogRecord awaitRecord(List<ExtLogRecord> records, String requestId) {
        for (int i = 0; i < 100; i++) {
            for (ExtLogRecord r : records) {
                if (requestId.equals(r.getMdc("requestId"))) {
                    return r;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("no access-log record for " + requestId);
    }
}

package org.neighborshare.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neighborshare.launcher.Services;
import org.neighborshare.testsupport.TestTokens;

/**
 * Nothing operational is public: health and metrics of the gateway and of every service are on their management
 * ports, which the launcher polls; the public port answers problems for them, and for requests too broken to
 * route. And the console a person reads is not flooded by the feed poll.
 */
@ExtendWith(RunningSuite.class)
class OperationalIT {

    private static final List<String> SERVICES = List.of(Services.AGENCY, Services.REQUEST, Services.CONSENT);

    @Test
    void theGatewaysPublicPortServesNoHealthAndNoMetrics() {
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/live", "/q/health/ready", "/q/openapi")) {
            Response r = Gateway.anonymous().get(path);
            assertEquals(404, r.statusCode(), path + ": " + r.asString());
            assertTrue(r.contentType().startsWith("application/problem+json"), path + ": " + r.contentType());
            assertFalse(r.asString().contains("jvm_") || r.asString().contains("gateway_requests"), path);
        }
    }

    @Test
    void theGatewaysManagementPortServesThem() {
        String management = RunningSuite.config().managementUrl(Services.GATEWAY);
        Gateway.anonymous().get("/api/public/agencies").then().statusCode(200);
        given().baseUri(management).get("/q/health/ready").then().statusCode(200);
        String metrics = given().baseUri(management)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(metrics.contains("gateway_requests_seconds_count{"), "no per-route metrics");
    }

    @Test
    void noServicesPublicPortServesHealthButItsManagementPortDoes() {
        for (String service : SERVICES) {
            String api = RunningSuite.config().url(service);
            // Without a token: the service's door, as for every path.
            Response anonymous = given().baseUri(api).get("/q/health/ready");
            assertEquals(401, anonymous.statusCode(), service + ": " + anonymous.asString());
            // Even with the gateway's token for it, the API port has no health to show.
            Response withToken = given().baseUri(api)
                    .header("Authorization", TestTokens.forService(service).bearer())
                    .get("/q/health");
            assertEquals(404, withToken.statusCode(), service + ": " + withToken.asString());
            given().baseUri(RunningSuite.config().managementUrl(service))
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void requestsTooBrokenToRouteAreProblemsAtTheGateway() throws Exception {
        int port = URI.create(RunningSuite.config().gatewayUrl()).getPort();
        long before = Files.size(gatewayLog());
        assertProblem(400, exchange(port, "GET /api/public/agencies HTTP/1.1\r\nConnection: close\r\n\r\n"));
        assertProblem(
                400, exchange(port, "GET /api/public/agencies HTTP/1.1\r\nHost: [[[\r\nConnection: close\r\n\r\n"));
        assertProblem(
                414,
                exchange(
                        port,
                        "GET /api/public/agencies?q=" + "a".repeat(20 * 1024)
                                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        assertProblem(
                431,
                exchange(
                        port,
                        "GET /api/public/agencies HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "p".repeat(20 * 1024)
                                + "\r\nConnection: close\r\n\r\n"));
        assertProblem(
                403,
                exchange(
                        port,
                        "OPTIONS /api/me/cameras HTTP/1.1\r\nHost: localhost\r\n"
                                + "Origin: https://evil.example\r\nAccess-Control-Request-Method: DELETE\r\nConnection: close\r\n\r\n"));
        Gateway.anonymous().get("/api/public/agencies").then().statusCode(200);
        Thread.sleep(500); // the launcher copies the gateway's output into its log file
        String log = logSince(before);
        assertFalse(log.contains("For HTTP/1.x requests"), "the missing Host was logged as a failure");
        assertFalse(log.contains(" ERROR "), "the gateway logged an ERROR");
    }

    /**
     * consent-service polls the feed through the gateway every second; those access-log lines are DEBUG, so the
     * gateway's log (the console of ./run-local) shows the user requests only.
     */
    @Test
    void theFeedPollDoesNotFloodTheGatewaysLog() throws Exception {
        long before = Files.size(gatewayLog());
        String marker = "console-" + System.nanoTime();
        Gateway.anonymous()
                .header("X-Request-Id", marker)
                .get("/api/public/agencies")
                .then()
                .statusCode(200);
        Thread.sleep(3_000); // three polls at least
        String log = logSince(before);
        assertTrue(log.contains(marker), "the user request is not in the gateway's log");
        assertFalse(log.contains("route=request-feed"), "feed polls in the gateway's log");
    }

    /** What the gateway logged since the log had {@code offset} bytes (other tests of the run wrote before). */
    private static String logSince(long offset) throws java.io.IOException {
        byte[] all = Files.readAllBytes(gatewayLog());
        return new String(
                all,
                (int) Math.min(offset, all.length),
                (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
    }

    private static Path gatewayLog() {
        return RunningSuite.config().logDir().resolve(Services.logName(Services.GATEWAY) + ".log");
    }

    private static void assertProblem(int status, String[] response) {
        assertEquals(status, Integer.parseInt(response[0].split(" ", 3)[1]), response[0] + "\n" + response[1]);
        assertTrue(
                response[0].toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), response[0]);
        assertTrue(response[1].contains("\"status\":" + status), response[1]);
    }

    /** Head and body of the answer to a request sent byte for byte (HTTP clients would fix what is broken). */
    private static String[] exchange(int port, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            return split < 0
                    ? new String[] {text, ""}
                    : new String[] {text.substring(0, split), text.substring(split + 4)};
        }
    }
}

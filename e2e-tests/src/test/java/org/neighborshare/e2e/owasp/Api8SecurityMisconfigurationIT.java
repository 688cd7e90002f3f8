package org.neighborshare.e2e.owasp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neighborshare.e2e.DemoData;
import org.neighborshare.e2e.Gateway;
import org.neighborshare.e2e.RunningSuite;

/**
 * OWASP API8:2023 Security Misconfiguration, as the running stack is configured: CORS only for the configured web
 * origin, every error (including a dead service's 5xx and malformed input) an RFC 9457 problem with no stack trace
 * or framework detail, no version banners, no debug or documentation endpoints on the public port.
 */
@ExtendWith(RunningSuite.class)
class Api8SecurityMisconfigurationIT {

    /** quarkus.http.cors.origins of the gateway when NEIGHBORS_CORS_ORIGINS is not set, as in this suite. */
    static final String WEB_ORIGIN = "http://localhost:8080";

    static final Pattern UUID_PATTERN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    static World w;

    @BeforeAll
    static void world() {
        w = World.get();
    }

    @Test
    void corsAnswersOnlyTheConfiguredOrigin() {
        Response allowed = Gateway.anonymous().header("Origin", WEB_ORIGIN).get("/api/public/agencies");
        assertEquals(200, allowed.statusCode());
        assertEquals(WEB_ORIGIN, allowed.header("Access-Control-Allow-Origin"));
        assertNotEquals("true", allowed.header("Access-Control-Allow-Credentials"));
        Response preflight = Gateway.anonymous()
                .header("Origin", WEB_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/me/cameras");
        assertEquals(200, preflight.statusCode());
        assertEquals(WEB_ORIGIN, preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight
                .header("Access-Control-Allow-Headers")
                .toLowerCase(Locale.ROOT)
                .contains("authorization"));

        for (String origin : List.of(
                "https://evil.example",
                "null",
                "http://localhost:8080.evil.example",
                "http://evil.localhost:8080",
                "https://localhost:8080",
                "http://localhost:8081",
                WEB_ORIGIN + "/")) {
            for (Response r : List.of(
                    Gateway.anonymous().header("Origin", origin).get("/api/public/agencies"),
                    Gateway.as(DemoData.ALICE).header("Origin", origin).get("/api/me/inbox"),
                    Gateway.anonymous()
                            .header("Origin", origin)
                            .header("Access-Control-Request-Method", "DELETE")
                            .header("Access-Control-Request-Headers", "authorization")
                            .options("/api/me/cameras/x"))) {
                assertNull(r.header("Access-Control-Allow-Origin"), origin + " was allowed: " + r.headers());
                assertNotEquals("true", r.header("Access-Control-Allow-Credentials"), origin);
                assertTrue(r.statusCode() >= 400, origin + " was served: " + r.statusCode());
            }
        }
        // A state-changing call from a foreign page, with a stolen-but-valid token, is not even forwarded.
        int before = Api4UnrestrictedResourceConsumptionIT.cameras(w.ownerA);
        Response cross = Gateway.as(w.ownerA)
                .header("Origin", "https://evil.example")
                .body("{\"label\":\"cross-origin\",\"latitude\":45.5,\"longitude\":-122.6}")
                .post("/api/me/cameras");
        assertTrue(cross.statusCode() >= 400, cross.asString());
        assertEquals(before, Api4UnrestrictedResourceConsumptionIT.cameras(w.ownerA));
    }

    @Test
    void aDeadServiceGivesProblemsWithoutInternals() {
        RunningSuite.suite().stop("consent-service");
        try {
            List<Response> answers = List.of(
                    Gateway.as(w.ownerA).get("/api/me/inbox"),
                    Gateway.as(w.ownerA)
                            .body("{\"label\":\"down\",\"latitude\":45.5,\"longitude\":-122.6}")
                            .post("/api/me/cameras"),
                    Gateway.as(w.investigatorB)
                            .get("/api/agencies/" + w.agencyB + "/requests/" + w.requestB + "/clips"));
            for (Response r : answers) {
                Problems.assertProblem(r, 502, 503, 504);
                assertFalse(
                        r.asString()
                                .contains(String.valueOf(RunningSuite.config().port("consent-service"))),
                        "the problem names the service's address: " + r.asString());
            }
        } finally {
            restart(
                    "consent-service",
                    () -> Gateway.as(w.ownerA).get("/api/me/inbox").statusCode());
        }
    }

    @Test
    void malformedInputGetsA4xxProblemWithoutInternals() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        List<String> bodies = List.of(
                "{",
                "{\"label\":",
                "not json",
                "[]",
                "\"a string\"",
                "null",
                "{\"label\":\"x\",}",
                "{\"label\":\"x\",\"latitude\":\"north\",\"longitude\":1}",
                "{\"latitude\":1e999999,\"longitude\":1,\"label\":\"x\"}",
                "{\"label\":{\"$gt\":\"\"},\"latitude\":1,\"longitude\":1}",
                deep,
                "\u0000\u0001",
                "{\"label\":\"\\ud800\"}");
        List<String[]> targets = List.of(
                new String[] {w.ownerA, "/api/me/cameras"},
                new String[] {w.investigatorB, "/api/agencies/" + w.agencyB + "/requests"},
                new String[] {"owasp.applicant3", "/api/agency-applications"});
        KeycloakUsers.ensure("owasp.applicant3", "chief@mass-" + w.tag + "-pd.example", true);
        for (String[] target : targets) {
            for (String body : bodies) {
                Response r = Gateway.as(target[0]).body(body).post(target[1]);
                Problems.assertProblem(r, 400, 413, 415, 422);
            }
            Problems.assertProblem(
                    Gateway.as(target[0])
                            .contentType("application/xml")
                            .body(
                                    "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")
                            .post(target[1]),
                    400,
                    415);
        }
        // Ids that are not ids.
        for (String path : List.of(
                "/api/agencies/not-a-uuid/requests",
                "/api/agencies/" + w.agencyB + "/requests/not-a-uuid",
                "/api/agencies/" + w.agencyB + "/requests/%00",
                "/api/agencies/" + w.agencyB + "/requests/'%20OR%201=1--")) {
            Response r = Gateway.as(w.investigatorB).urlEncodingEnabled(false).get(path);
            Problems.assertProblem(r, 400, 403, 404);
        }
        Problems.assertProblem(
                Gateway.as(w.ownerA).urlEncodingEnabled(false).delete("/api/me/cameras/..%2f..%2fq%2fhealth"),
                400,
                404);
    }

    @Test
    void noBannersNoDebugSurfaceNoIdentifiersInMetrics() {
        for (Response r : List.of(
                Gateway.anonymous().get("/api/public/agencies"),
                Gateway.anonymous().get("/api/nowhere"),
                Gateway.anonymous().get("/api/me/inbox"),
                Gateway.as(w.ownerA).get("/api/me/cameras"))) {
            assertNull(r.header("X-Powered-By"), r.headers().toString());
            String server = r.header("Server");
            assertTrue(server == null || !server.matches(".*\\d.*"), "version banner: " + server);
            assertFalse(String.valueOf(r.contentType()).contains("html"), r.contentType());
        }
        Response trace = Gateway.anonymous()
                .header("X-Trace-Me", "secret-cookie-value")
                .request("TRACE", "/api/public/agencies");
        Problems.assertProblem(trace, 405);
        assertFalse(trace.asString().contains("secret-cookie-value"), "TRACE echoes the request");
        Response reflected =
                Gateway.anonymous().urlEncodingEnabled(false).get("/api/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        Problems.assertProblem(reflected, 400, 404);

        // Nothing for developers on the public port: no dev UI, no OpenAPI or Swagger UI, no CDI internals.
        for (String path : List.of(
                "/q/dev",
                "/q/dev-ui",
                "/q/dev-ui/extensions",
                "/q/swagger-ui",
                "/q/openapi",
                "/q/arc",
                "/q/arc/beans",
                "/q/info",
                "/q/env",
                "/q/logging-manager",
                "/openapi",
                "/swagger-ui")) {
            Response r = Gateway.anonymous().get(path);
            Problems.assertProblem(r, 404);
        }
        // The gateway's own metrics are on its management port only (the public port answers 404, OperationalIT).
        // Even there, what they show must not identify anybody: route names and statuses, no paths with ids, no
        // users, no tokens.
        Gateway.as(w.investigatorA)
                .get("/api/agencies/" + w.agencyA + "/requests/" + w.requestA)
                .then()
                .statusCode(200);
        Problems.assertProblem(Gateway.anonymous().get("/q/metrics"), 404);
        String metrics = io.restassured.RestAssured.given()
                .baseUri(RunningSuite.config().managementUrl("gateway"))
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(metrics.contains("gateway_requests_seconds"), "metrics moved? " + metrics.length());
        assertFalse(UUID_PATTERN.matcher(metrics).find(), "metrics carry ids");
        for (String secret : List.of(w.investigatorA, w.ownerA, "Bearer", "eyJ", "/api/agencies/")) {
            assertFalse(metrics.contains(secret), "metrics carry " + secret);
        }
    }

    /** Starts a stopped service again and waits until the gateway serves it, so later tests find the suite whole. */
    static void restart(String service, java.util.function.IntSupplier probe) {
        RunningSuite.suite().start(service);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int last = -1;
        while (Instant.now().isBefore(deadline)) {
            last = probe.getAsInt();
            if (last < 500) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(service + " still answers " + last + " through the gateway 30 s after its restart");
    }
}

package org.neighborshare.e2e.owasp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neighborshare.e2e.Gateway;
import org.neighborshare.e2e.RunningSuite;

/**
 * OWASP API4:2023 Unrestricted Resource Consumption, through the running gateway with its shipped limits: body
 * size (413, also for chunked bodies), page size (400 above 100), collection sizes (400/422), header size (431),
 * and the per-user rate limit of clip uploads (60 a minute: 429 with Retry-After), hit by a user of its own so
 * that no other test loses its allowance.
 *
 * <p>The other shipped rate limits (1,200 calls a minute per user and per client address, 6,000 per agency) are
 * not driven to exhaustion here: every test of this JVM calls from 127.0.0.1, so emptying the per-address bucket
 * would fail the public calls of every test that runs after it for a minute. The gateway's own RateLimitTest
 * covers those scopes with a test-only group of tiny limits.
 */
@ExtendWith(RunningSuite.class)
class Api4UnrestrictedResourceConsumptionIT {

    static final int ONE_MIB = 1024 * 1024;
    static World w;

    @BeforeAll
    static void world() {
        w = World.get();
    }

    @Test
    void bodiesOverTheRouteLimitAre413AndNeverReachAService() throws Exception {
        int cameras = cameras(w.ownerA);
        String padding = "x".repeat(ONE_MIB);
        String tooBig = "{\"label\":\"" + padding + "\",\"latitude\":45.5,\"longitude\":-122.6}";
        Problems.assertProblem(Gateway.as(w.ownerA).body(tooBig).post("/api/me/cameras"), 413);
        // Refused on its declared length alone, before the token is even looked at.
        Problems.assertProblem(Gateway.anonymous().body(tooBig).post("/api/agency-applications"), 413);

        // Without a Content-Length (chunked) the gateway counts while streaming, and stops at the limit.
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        byte[] bytes = tooBig.repeat(2).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(
                        URI.create(RunningSuite.config().gatewayUrl() + "/api/me/cameras"))
                .header("Authorization", "Bearer " + Gateway.token(w.ownerA))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        HttpResponse<String> r = client.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        Problems.assertNoInternals(r.body());

        assertEquals(cameras, cameras(w.ownerA), "an oversized body created a camera");
        // Just under the limit the body does reach the service, which judges it on its merits (an unknown
        // property here): the 413s above were the size alone.
        Response under = Gateway.as(w.ownerA)
                .body("{\"label\":\"near the limit\",\"latitude\":45.5," + "\"longitude\":-122.6,\"pad\":\""
                        + "z".repeat(ONE_MIB - 200) + "\"}")
                .post("/api/me/cameras");
        assertEquals("pad", Problems.assertProblem(under, 400).getString("errors[0].field"));
    }

    @Test
    void collectionsAndTextsInsideABodyAreBounded() {
        // A jurisdiction of 2,001 vertices (about 60 KB, far under the body limit) is still too much work.
        StringBuilder ring = new StringBuilder();
        for (int i = 0; i < 2001; i++) {
            double t = 2 * Math.PI * i / 2001;
            ring.append('[')
                    .append(-97.75 + 0.05 * Math.cos(t))
                    .append(',')
                    .append(30.25 + 0.05 * Math.sin(t))
                    .append("],");
        }
        ring.append("[-97.7,30.25]");
        String polygon = "{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}";
        String domain = "big-" + w.tag + "-pd.example";
        KeycloakUsers.ensure("owasp.big.chief", "chief@" + domain, true);
        Response huge = Gateway.as("owasp.big.chief")
                .body(Enrolment.application("Big PD", "POLICE", domain, "https://www." + domain, polygon))
                .post("/api/agency-applications");
        JsonPath problem = Problems.assertProblem(huge, 422);
        assertEquals("jurisdiction", problem.getString("errors[0].field"));
        Gateway.as("owasp.big.chief")
                .get("/api/agency-applications/mine")
                .then()
                .statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(0));

        // 101 clips in one answer, a 2,001-character description.
        String ids = String.join(",", java.util.Collections.nCopies(101, "\"" + UUID.randomUUID() + "\""));
        Response many = Gateway.as(w.ownerA)
                .body("{\"answer\":\"SHARE\",\"clipIds\":[" + ids + "]}")
                .post("/api/me/inbox/" + w.requestA + "/response");
        assertTrue(
                Problems.assertProblem(many, 400, 422).getList("errors.field").contains("clipIds"), many.asString());
        Response longText = Gateway.as(w.investigatorB)
                .body(Enrolment.requestBody(
                        "LONG-" + w.tag, "d".repeat(2001), "x@bville-pd.example", World.B_LAT, World.B_LON))
                .post("/api/agencies/" + w.agencyB + "/requests");
        assertTrue(
                Problems.assertProblem(longText, 400, 422)
                        .getList("errors.field")
                        .contains("description"),
                longText.asString());
    }

    @Test
    void pageSizesAboveTheCapAre400AndTheCapHolds() {
        for (String path : List.of(
                "/api/public/requests?size=101",
                "/api/public/requests?size=100000",
                "/api/public/requests?limit=101",
                "/api/public/requests?per_page=101",
                "/api/public/requests?pageSize=500",
                "/api/public/requests?size=1&size=101",
                "/api/public/requests?si%7Ae=101")) {
            Response r = Gateway.anonymous().urlEncodingEnabled(false).get(path);
            String detail = Problems.assertProblem(r, 400).getString("detail");
            assertTrue(detail.contains("100"), path + ": " + detail);
        }
        Problems.assertProblem(
                Gateway.as(w.investigatorA).queryParam("size", 1000).get("/api/agencies/" + w.agencyA + "/requests"),
                400);
        // consent-service itself would serve 500 a page; the gateway's cap of 100 applies in front of it.
        Problems.assertProblem(Gateway.as(w.ownerA).queryParam("size", 500).get("/api/me/access-log"), 400);

        List<Object> page = Gateway.anonymous()
                .queryParam("size", 100)
                .get("/api/public/requests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertTrue(page.size() <= 100);
    }

    @Test
    void oversizedHeadersAreRefusedWithoutHurtingTheGateway() {
        Response r = Gateway.anonymous().header("X-Padding", "p".repeat(20_000)).get("/api/public/agencies");
        assertEquals(431, r.statusCode(), r.asString());
        Problems.assertNoInternals(r.asString());
        Gateway.anonymous().get("/api/public/agencies").then().statusCode(200);
    }

    @Test
    void clipUploadsAreRateLimitedPerUserWith429AndRetryAfter() {
        String flooder = "owasp.flood";
        KeycloakUsers.ensure(flooder, "owasp.flood@mail.example", true);
        byte[] notAVideo = "not a video".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int served = 0;
        Response limited = null;
        long t0 = System.nanoTime();
        // The "uploads" group allows 60 a minute per user (a token bucket refilling one a second).
        for (int i = 0; i < 120 && limited == null; i++) {
            Response r = Gateway.as(flooder)
                    .contentType("text/plain")
                    .body(notAVideo)
                    .post("/api/me/clips");
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                assertEquals(415, r.statusCode(), "call " + i + ": " + r.asString());
                served++;
            }
        }
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L + 1;
        assertNotNull(limited, "120 uploads in a row were never limited");
        // A full bucket of 60, plus what refilled while the calls were made.
        assertTrue(
                served >= 60 && served <= 60 + seconds + 1, "limited after " + served + " calls in " + seconds + " s");
        String detail = Problems.assertProblem(limited, 429).getString("detail");
        assertTrue(detail.contains("uploads"), detail);
        String retryAfter = limited.header("Retry-After");
        assertNotNull(retryAfter, "429 without Retry-After");
        int retry = Integer.parseInt(retryAfter.trim());
        assertTrue(retry >= 1 && retry <= 60, "Retry-After " + retry);
        // It stays limited: the bucket refills one call a second, so a burst right after is mostly refused.
        int refused = 0;
        for (int i = 0; i < 5; i++) {
            if (Gateway.as(flooder)
                            .contentType("text/plain")
                            .body(notAVideo)
                            .post("/api/me/clips")
                            .statusCode()
                    == 429) {
                refused++;
            }
        }
        assertTrue(refused >= 3, "only " + refused + " of 5 calls right after the limit were refused");

        // The limit is this user's: another owner uploads as before, and the flooder's other calls still work.
        Response other =
                Gateway.as(w.ownerB).contentType("text/plain").body(notAVideo).post("/api/me/clips");
        assertEquals(415, other.statusCode(), other.asString());
        Gateway.as(flooder).get("/api/me/clips").then().statusCode(200);
    }

    static int cameras(String owner) {
        return Gateway.as(owner)
                .get("/api/me/cameras")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id")
                .size();
    }
}

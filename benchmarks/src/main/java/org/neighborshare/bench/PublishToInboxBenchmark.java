package org.neighborshare.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * From a reviewer's publish to the owner's inbox listing the request, end to end through a running suite (the
 * gateway, request-service's feed, consent-service's consumer and delivery): the demo investigator posts a
 * request over the demo cameras, a reviewer publishes it, and the owner's inbox is read every 5 ms until it lists
 * the request. The time counts from sending the publish to the first inbox answer that lists it. Requests start
 * at random moments, so they fall anywhere in the consumer's poll cycle. {@code args}: gateway URL, Keycloak URL,
 * how many requests (default 100).
 */
public final class PublishToInboxBenchmark {

    private static final String RIVERTON = "5d1d0a6e-8f4b-4a52-9c55-7a1f3c2b9e01";
    private static final double LAT = 45.5205;
    private static final double LON = -122.6695;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String gateway;
    private final String keycloak;
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, Long> tokenAt = new HashMap<>();

    private PublishToInboxBenchmark(String gateway, String keycloak) {
        this.gateway = gateway;
        this.keycloak = keycloak;
    }

    public static void main(String[] args) throws Exception {
        PublishToInboxBenchmark b = new PublishToInboxBenchmark(args[0], args[1]);
        b.run(args.length > 2 ? Integer.parseInt(args[2]) : 100);
    }

    private void run(int requests) throws Exception {
        Random random = new Random(11);
        Histogram listed = new Histogram(60_000_000_000L, 3);
        Histogram publishCall = new Histogram(60_000_000_000L, 3);
        for (int i = -3; i < requests; i++) { // the first three warm up
            String id = post("BENCH-" + System.nanoTime());
            Thread.sleep(random.nextInt(1000));
            long t0 = System.nanoTime();
            send(
                    "reviewer.chen",
                    "POST",
                    "/api/moderation/requests/" + id + "/decision",
                    "{\"decision\":\"PUBLISH\",\"reason\":\"specific incident, proportionate area\"}",
                    200);
            long t1 = System.nanoTime();
            while (!send("owner.alice", "GET", "/api/me/inbox", null, 200).contains(id)) {
                if (System.nanoTime() - t0 > 30_000_000_000L) {
                    throw new IllegalStateException("request " + id + " not in the owner's inbox after 30 s");
                }
                Thread.sleep(5);
            }
            long t2 = System.nanoTime();
            if (i >= 0) {
                listed.recordValue(t2 - t0);
                publishCall.recordValue(t1 - t0);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "publish to inbox, %d requests: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms (target p99 ≤ 2000 ms);"
                        + " of which the publish call itself p50 %.0f ms, p99 %.0f ms%n",
                requests,
                listed.getValueAtPercentile(50) / 1e6,
                listed.getValueAtPercentile(95) / 1e6,
                listed.getValueAtPercentile(99) / 1e6,
                listed.getMaxValue() / 1e6,
                publishCall.getValueAtPercentile(50) / 1e6,
                publishCall.getValueAtPercentile(99) / 1e6);
    }

    private String post(String caseNumber) throws Exception {
        Instant end = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String body = """
                {"caseNumber":"%s","incidentType":"BURGLARY","description":"Garage break-in on Elm Street",
                 "windowStart":"%s","windowEnd":"%s",
                 "area":{"latitude":%s,"longitude":%s,"radiusMeters":300},
                 "contact":"detectives@riverton-pd.example"}""".formatted(caseNumber, end.minus(1, ChronoUnit.HOURS), end, LAT, LON);
        String answer = send("det.jones", "POST", "/api/agencies/" + RIVERTON + "/requests", body, 201);
        Matcher m = ID.matcher(answer);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + answer);
        }
        return m.group(1);
    }

    private String send(String user, String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    method + " " + path + " as " + user + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** A fresh Keycloak token per user every 60 s (the demo realm's tokens live a few minutes). */
    private String token(String user) throws Exception {
        Long at = tokenAt.get(user);
        if (at == null || System.nanoTime() - at > 60_000_000_000L) {
            String form = "grant_type=password&client_id=neighbors-demo-cli&username="
                    + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=neighbors-demo";
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(keycloak + "/realms/neighbors/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(r.body());
            if (r.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("no token for " + user + ": " + r.statusCode());
            }
            tokens.put(user, m.group(1));
            tokenAt.put(user, System.nanoTime());
        }
        return tokens.get(user);
    }
}

package org.neighborshare.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.config.source.yaml.YamlConfigSource;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Three stand-in services on free local ports that echo what reached them (service, method, uri, headers, body)
 * so tests can see exactly what the gateway forwarded. Paths ending in /slow, /close and /problem misbehave on
 * purpose; /created answers 201 with an absolute Location on the service's own address, /elsewhere redirects
 * to another site.
 *
 * <p>Also TEST ONLY routes appended to the shipped route table (so they exist in no other profile): routes in a
 * rate-limit group {@code tiny} with low limits, and a route to a fourth service, {@code flaky-service}, that
 * tests stop and start again on the same port ({@link #stopFlaky()}, {@link #startFlaky()}).
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    public static final List<String> SERVICES = List.of("agency-service", "request-service", "consent-service");
    public static final String FLAKY = "flaky-service";
    /** Limits of the test-only rate-limit group "tiny". */
    public static final int TINY_PER_USER = 3;

    public static final int TINY_PER_AGENCY = 5;
    public static final int TINY_PER_CLIENT_IP = 3;
    public static final String UPSTREAM_PROBLEM =
            "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"upstream says no\"}";

    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
    private static final Set<String> RECEIVED = ConcurrentHashMap.newKeySet();
    public static final AtomicInteger FLAKY_HITS = new AtomicInteger();
    private static volatile Vertx sharedVertx;
    private static volatile HttpServer flaky;
    private static volatile int flakyPort;
    /** Agencies the fake agency-service reports as SUSPENDED; every other agency is APPROVED. */
    public static final Set<String> SUSPENDED_AGENCIES = ConcurrentHashMap.newKeySet();

    private Vertx vertx;

    /** Whether any fake service received a request for this exact path (query excluded). */
    public static boolean reached(String path) {
        return SEEN.contains(path);
    }

    /** Whether a fake service received the whole body of a request for this path. */
    public static boolean received(String path) {
        return RECEIVED.contains(path);
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        sharedVertx = vertx;
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            HttpServer server = listen(vertx.createHttpServer().requestHandler(req -> handle(service, req)), 0);
            config.put("gateway.services." + service + ".url", "http://127.0.0.1:" + server.actualPort());
        }
        flaky = listen(flakyServer(), 0);
        flakyPort = flaky.actualPort();
        config.put("gateway.services." + FLAKY + ".url", "http://127.0.0.1:" + flakyPort);
        config.putAll(testOnlyRoutes());
        return config;
    }

    private static Map<String, String> testOnlyRoutes() {
        Map<String, String> config = new HashMap<>();
        config.put("gateway.rate-limits.tiny.per-user", TINY_PER_USER + "/1m");
        config.put("gateway.rate-limits.tiny.per-agency", TINY_PER_AGENCY + "/1m");
        config.put("gateway.rate-limits.tiny.per-client-ip", TINY_PER_CLIENT_IP + "/1m");
        int i = shippedRouteCount();
        route(config, i++, "test-limited-public", "/api/test-only/limited/public/**", "agency-service", "PUBLIC", null);
        route(config, i++, "test-limited-user", "/api/test-only/limited/me/**", "consent-service", "ROLE", "owner");
        route(
                config,
                i++,
                "test-limited-agency",
                "/api/test-only/agencies/{agencyId}/limited/**",
                "request-service",
                "AGENCY_ROLE",
                "investigator");
        route(config, i, "test-flaky", "/api/test-only/flaky/**", FLAKY, "PUBLIC", null);
        config.put("gateway.routes[" + i + "].rate-limit", "default");
        return config;
    }

    private static void route(
            Map<String, String> config, int i, String name, String path, String service, String access, String role) {
        String p = "gateway.routes[" + i + "].";
        config.put(p + "name", name);
        config.put(p + "paths", path);
        config.put(p + "methods", "GET");
        config.put(p + "service", service);
        config.put(p + "access", access);
        config.put(p + "rate-limit", "tiny");
        if (role != null) {
            config.put(p + "role", role);
        }
    }

    /** Test routes go after the shipped ones (application.yaml), so they never shadow or replace one. */
    private static int shippedRouteCount() {
        Map<String, String> shipped;
        try {
            shipped = new YamlConfigSource(FakeServices.class.getResource("/application.yaml")).getProperties();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        int count = 0;
        while (shipped.containsKey("gateway.routes[" + count + "].paths")) {
            count++;
        }
        return count;
    }

    private HttpServer flakyServer() {
        return vertx.createHttpServer().requestHandler(req -> {
            FLAKY_HITS.incrementAndGet();
            handle(FLAKY, req);
        });
    }

    private static HttpServer listen(HttpServer server, int port) {
        try {
            return server.listen(port, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("fake service did not start on port " + port, e);
        }
    }

    /** Stops the flaky service: its port refuses connections until {@link #startFlaky()}. */
    public static void stopFlaky() {
        HttpServer server = flaky;
        if (server != null) {
            server.close()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .orTimeout(10, TimeUnit.SECONDS)
                    .join();
            flaky = null;
        }
    }

    /** Starts the flaky service again on the port it had, as a restarted pod behind the same address would. */
    public static void startFlaky() {
        if (flaky == null) {
            FakeServices self = new FakeServices();
            self.vertx = sharedVertx;
            flaky = listen(self.flakyServer(), flakyPort);
        }
    }

    private void handle(String service, HttpServerRequest req) {
        SEEN.add(req.path());
        if (req.path().endsWith("/close")) {
            req.connection().close();
            return;
        }
        req.body().onSuccess(body -> {
            RECEIVED.add(req.path());
            if (service.equals("agency-service") && req.path().matches("/api/directory/agencies/[^/]+/status")) {
                String id = req.path().split("/")[4];
                boolean suspended = SUSPENDED_AGENCIES.contains(id);
                req.response()
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject()
                                .put("id", id)
                                .put("state", suspended ? "SUSPENDED" : "APPROVED")
                                .put("reason", suspended ? "under investigation" : null)
                                .toBuffer());
                return;
            }
            if (req.path().endsWith("/cors")) {
                // A service that would open itself to every origin: the gateway must not pass this on.
                req.response()
                        .putHeader("Access-Control-Allow-Origin", "*")
                        .putHeader("Access-Control-Allow-Credentials", "true");
            }
            if (req.path().endsWith("/created")) {
                // Like a JAX-RS service: an absolute Location on the address it was called on.
                req.response()
                        .setStatusCode(201)
                        .putHeader("Location", "http://" + req.getHeader("Host") + req.path() + "/42?x=1")
                        .putHeader("Content-Type", "application/json")
                        .end("{}");
                return;
            }
            if (req.path().endsWith("/elsewhere")) {
                req.response()
                        .setStatusCode(303)
                        .putHeader("Location", "https://other.example/x")
                        .end();
                return;
            }
            if (req.path().endsWith("/problem")) {
                req.response()
                        .setStatusCode(409)
                        .putHeader("Content-Type", "application/problem+json")
                        .end(UPSTREAM_PROBLEM);
                return;
            }
            JsonObject headers = new JsonObject();
            req.headers().forEach(h -> {
                String name = h.getKey().toLowerCase(Locale.ROOT);
                JsonArray values = headers.getJsonArray(name, new JsonArray());
                headers.put(name, values.add(h.getValue()));
            });
            Buffer echo = new JsonObject()
                    .put("service", service)
                    .put("method", req.method().name())
                    .put("uri", req.uri())
                    .put("headers", headers)
                    .put("body", body.toString())
                    .toBuffer();
            long delay = req.path().endsWith("/slow") ? 4_000 : 0;
            if (delay > 0) {
                vertx.setTimer(delay, t -> {
                    if (!req.response().closed()) {
                        req.response()
                                .putHeader("Content-Type", "application/json")
                                .end(echo);
                    }
                });
            } else {
                req.response().putHeader("Content-Type", "application/json").end(echo);
            }
        });
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .orTimeout(10, TimeUnit.SECONDS)
                    .join();
        }
    }
}

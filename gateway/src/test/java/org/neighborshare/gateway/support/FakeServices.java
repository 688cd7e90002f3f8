package org.neighborshare.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Three stand-in services on free local ports that echo what reached them (service, method, uri, headers, body)
 * so tests can see exactly what the gateway forwarded. Paths ending in /slow, /close and /problem misbehave on
 * purpose.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    public static final List<String> SERVICES = List.of("agency-service", "request-service", "consent-service");
    public static final String UPSTREAM_PROBLEM =
            "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"upstream says no\"}";

    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
    /** Agencies the fake agency-service reports as SUSPENDED; every other agency is APPROVED. */
    public static final Set<String> SUSPENDED_AGENCIES = ConcurrentHashMap.newKeySet();

    private Vertx vertx;

    /** Whether any fake service received a request for this exact path (query excluded). */
    public static boolean reached(String path) {
        return SEEN.contains(path);
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            HttpServer server = vertx.createHttpServer().requestHandler(req -> handle(service, req));
            try {
                server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("fake " + service + " did not start", e);
            }
            config.put("gateway.services." + service + ".url", "http://127.0.0.1:" + server.actualPort());
        }
        return config;
    }

    private void handle(String service, HttpServerRequest req) {
        SEEN.add(req.path());
        if (req.path().endsWith("/close")) {
            req.connection().close();
            return;
        }
        req.body().onSuccess(body -> {
            if (service.equals("agency-service") && req.path().matches("/api/directory/agencies/[^/]+/status")) {
                String id = req.path().split("/")[4];
                boolean suspended = SUSPENDED_AGENCIES.contains(id);
                req.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("id", id)
                        .put("state", suspended ? "SUSPENDED" : "APPROVED")
                        .put("reason", suspended ? "under investigation" : null).toBuffer());
                return;
            }
            if (req.path().endsWith("/problem")) {
                req.response().setStatusCode(409).putHeader("Content-Type", "application/problem+json")
                        .end(UPSTREAM_PROBLEM);
                return;
            }
            JsonObject headers = new JsonObject();
            req.headers().forEach(h -> {
                String name = h.getKey().toLowerCase();
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
                        req.response().putHeader("Content-Type", "application/json").end(echo);
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
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }
}

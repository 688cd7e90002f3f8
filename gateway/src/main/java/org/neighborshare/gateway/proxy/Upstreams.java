package org.neighborshare.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.neighborshare.gateway.config.GatewayConfig;
import org.neighborshare.gateway.limits.LimitedBody;
import org.neighborshare.gateway.resilience.CircuitBreaker;
import org.neighborshare.gateway.resilience.CircuitBreakers;
import org.neighborshare.shared.problem.Problem;
import org.neighborshare.shared.observability.RequestIds;

/**
 * One vertx-http-proxy {@link HttpProxy} (with its own connection pool) per upstream service. The proxy streams
 * bodies both ways, so clip uploads and downloads never sit whole in the gateway's memory.
 */
@ApplicationScoped
public class Upstreams {

    private static final Logger LOG = Logger.getLogger(Upstreams.class);
    private static final String FORWARD = "neighbors.forward";
    private static final String CONNECTED = "neighbors.connected";
    private static final String LIMITED_BODY = "neighbors.limited-body";
    /**
     * How much of a refused body is read (and dropped) so the client gets to read the answer: the route's limit,
     * at least this much. A client that sends more than that gets its connection closed.
     */
    static final long MIN_DRAIN = 4 * 1024 * 1024;

    static long drainLimit(long maxBodySize) {
        return Math.max(maxBodySize, MIN_DRAIN);
    }

    /**
     * HttpProxy builds its per-call context inside {@code handle()}; the only way in for per-call data is this
     * hand-off, which the interceptor takes synchronously at the start of that same call.
     */
    private static final ThreadLocal<Forward> HANDOFF = new ThreadLocal<>();

    private final Map<String, Upstream> upstreams = new HashMap<>();
    private final Problems problems;

    record Upstream(String name, HttpClient client, HttpProxy proxy) {
    }

    @Inject
    public Upstreams(UpstreamClients clients, GatewayConfig config, Problems problems, CircuitBreakers breakers) {
        this.problems = problems;
        GatewayConfig.Upstream limits = config.upstream();
        config.services().forEach((name, service) -> {
            UpstreamClients.Address address = clients.address(name);
            HttpClient client = clients.create(name, "gateway-" + name, limits.maxConnectionsPerService());
            URI url = URI.create(service.url());
            // WebSocket tunnelling would bypass the interceptor, i.e. header stripping and the internal token.
            HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client);
            proxy.origin(ctx -> origin(ctx, client, address, limits));
            proxy.addInterceptor(new Interceptor(name, breakers.of(name), url));
            upstreams.put(name, new Upstream(name, client, proxy));
        });
    }

    public void forward(HttpServerRequest request, Forward forward) {
        Upstream upstream = upstreams.get(forward.service());
        HANDOFF.set(forward);
        try {
            upstream.proxy().handle(request);
        } finally {
            HANDOFF.remove();
        }
    }

    private Future<io.vertx.core.http.HttpClientRequest> origin(ProxyContext ctx, HttpClient client,
                                                                UpstreamClients.Address address,
                                                                GatewayConfig.Upstream limits) {
        Forward forward = ctx.get(FORWARD, Forward.class);
        RequestOptions options = new RequestOptions()
                .setHost(address.host())
                .setPort(address.port())
                .setSsl(address.tls())
                // Bounds the wait for a pooled connection too, not only the TCP connect.
                .setConnectTimeout(limits.connectTimeout().toMillis())
                .setIdleTimeout(forward.timeout().toMillis());
        return client.request(options).onSuccess(r -> ctx.set(CONNECTED, Boolean.TRUE));
    }

    /**
     * After a refusal, drops what the client is still sending so that it gets to read the answer, and closes the
     * connection (resets the stream on HTTP/2) once more than {@code limit} bytes were dropped.
     */
    static void discardThenClose(HttpServerRequest request, long limit) {
        if (request.isEnded()) {
            return;
        }
        long[] dropped = {0};
        request.handler(buffer -> {
            dropped[0] += buffer.length();
            if (dropped[0] > limit) {
                request.handler(null);
                close(request);
            }
        });
        request.resume();
    }

    private static void close(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            request.response().reset();
        } else {
            request.connection().close();
        }
    }

    @PreDestroy
    void close() {
        upstreams.values().forEach(u -> u.client().close());
    }

    private final class Interceptor implements ProxyInterceptor {

        private final String service;
        private final CircuitBreaker breaker;
        private final URI origin;

        Interceptor(String service, CircuitBreaker breaker, URI origin) {
            this.service = service;
            this.breaker = breaker;
            this.origin = origin;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
            Forward forward = HANDOFF.get();
            HANDOFF.remove();
            if (forward == null) {
                // Only forward() may drive a proxy; anything else must not reach a service.
                return Future.succeededFuture(problem(ctx, null, 500, "Internal Server Error",
                        "the gateway could not route this request"));
            }
            ctx.set(FORWARD, forward);
            ctx.request().setURI(forward.uri());
            ForwardedHeaders.apply(ctx.request().headers(), forward);
            if (ctx.request().getBody() != null && ctx.request().getBody().length() < 0) {
                // No Content-Length (chunked): the size is only known by counting on the way through.
                HttpServerRequest client = ctx.request().proxiedRequest();
                LimitedBody limited = new LimitedBody(ctx.request().getBody().stream(), forward.maxBodySize(),
                        drainLimit(forward.maxBodySize()), () -> close(client));
                ctx.set(LIMITED_BODY, limited);
                ctx.request().setBody(Body.body(limited, -1));
            }
            return ctx.sendRequest()
                    .onSuccess(response -> breaker.onSuccess())
                    .recover(failure -> Future.succeededFuture(failed(ctx, forward, failure)));
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext ctx) {
            Forward forward = ctx.get(FORWARD, Forward.class);
            ProxyResponse response = ctx.response();
            response.headers().remove(HttpHeaders.CONNECTION).remove(HttpHeaders.KEEP_ALIVE);
            // Cross-origin policy is the gateway's alone (quarkus.http.cors.*), whatever a service says.
            response.headers().names().stream().filter(n -> n.regionMatches(true, 0, "access-control-", 0, 15))
                    .toList().forEach(response.headers()::remove);
            if (forward != null) {
                response.headers().set(RequestIds.HEADER, forward.requestId());
            }
            // A service writes absolute URLs with the address it was called on: the gateway's view of it, which
            // must not leave the cluster. Such a Location becomes a path on the gateway.
            for (CharSequence name : new CharSequence[] {HttpHeaders.LOCATION, HttpHeaders.CONTENT_LOCATION}) {
                String value = response.headers().get(name);
                if (value != null) {
                    response.headers().set(name, Locations.onGateway(origin, value));
                }
            }
            // Answers carry personal data and agency decisions: no MIME sniffing, and no caching by browsers or
            // proxies unless the service chose a policy itself.
            response.headers().set("X-Content-Type-Options", "nosniff");
            if (!response.headers().contains(HttpHeaders.CACHE_CONTROL)) {
                response.headers().set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            return ctx.sendResponse();
        }

        private ProxyResponse failed(ProxyContext ctx, Forward forward, Throwable failure) {
            LimitedBody limited = ctx.get(LIMITED_BODY, LimitedBody.class);
            if (limited != null && limited.exceeded()) {
                LOG.debugf("request %s to %s: body over %d bytes", forward.requestId(), service,
                        forward.maxBodySize());
                return problem(ctx, forward, 413, "Content Too Large",
                        "the request body may be at most " + forward.maxBodySize() + " bytes here");
            }
            boolean connected = Boolean.TRUE.equals(ctx.get(CONNECTED, Boolean.class));
            LOG.warnf("request %s to %s failed (%s): %s", forward.requestId(), service,
                    failure.getClass().getSimpleName(), failure.getMessage());
            if (!connected) {
                breaker.onFailure();
                return problem(ctx, forward, 503, "Service Unavailable", service + " is unreachable");
            }
            if (failure instanceof TimeoutException) {
                breaker.onFailure();
                return problem(ctx, forward, 504, "Gateway Timeout",
                        service + " did not answer within " + forward.timeout().toMillis() + " ms");
            }
            return problem(ctx, forward, 502, "Bad Gateway", service + " sent no valid response");
        }

        private ProxyResponse problem(ProxyContext ctx, Forward forward, int status, String title, String detail) {
            // release() drops the request body and the headers prepared for the service.
            ProxyResponse response = ctx.request().release().response()
                    .setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .setBody(Body.body(problems.body(status, title, detail,
                            forward != null ? forward.instance() : null)));
            if (forward != null) {
                response.putHeader(RequestIds.HEADER, forward.requestId());
            }
            return response;
        }
    }
}

package org.neighborshare.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
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
import org.neighborshare.shared.problem.Problem;

/**
 * One vertx-http-proxy {@link HttpProxy} (with its own connection pool) per upstream service. The proxy streams
 * bodies both ways, so clip uploads and downloads never sit whole in the gateway's memory.
 */
@ApplicationScoped
public class Upstreams {

    private static final Logger LOG = Logger.getLogger(Upstreams.class);
    private static final String FORWARD = "neighbors.forward";
    private static final String CONNECTED = "neighbors.connected";

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
    public Upstreams(Vertx vertx, GatewayConfig config, Problems problems) {
        this.problems = problems;
        GatewayConfig.Upstream limits = config.upstream();
        config.services().forEach((name, service) -> {
            URI url = URI.create(service.url());
            boolean tls = "https".equalsIgnoreCase(url.getScheme());
            if (url.getHost() == null || !(tls || "http".equalsIgnoreCase(url.getScheme()))) {
                throw new IllegalStateException("gateway.services." + name + ".url must be an http(s) URL: " + url);
            }
            int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setName("gateway-" + name)
                    .setSsl(tls)
                    .setDefaultHost(url.getHost())
                    .setDefaultPort(port)
                    .setConnectTimeout((int) limits.connectTimeout().toMillis())
                    .setMaxPoolSize(limits.maxConnectionsPerService())
                    .setKeepAlive(true)
                    // Below a Quarkus server's idle timeout, so we do not reuse a connection it is closing.
                    .setKeepAliveTimeout(30));
            // WebSocket tunnelling would bypass the interceptor, i.e. header stripping and the internal token.
            HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client);
            proxy.origin(ctx -> origin(ctx, client, url.getHost(), port, tls, limits));
            proxy.addInterceptor(new Interceptor(name));
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

    private Future<io.vertx.core.http.HttpClientRequest> origin(ProxyContext ctx, HttpClient client, String host,
                                                                int port, boolean tls, GatewayConfig.Upstream limits) {
        Forward forward = ctx.get(FORWARD, Forward.class);
        RequestOptions options = new RequestOptions()
                .setHost(host)
                .setPort(port)
                .setSsl(tls)
                // Bounds the wait for a pooled connection too, not only the TCP connect.
                .setConnectTimeout(limits.connectTimeout().toMillis())
                .setIdleTimeout(forward.timeout().toMillis());
        return client.request(options).onSuccess(r -> ctx.set(CONNECTED, Boolean.TRUE));
    }

    @PreDestroy
    void close() {
        upstreams.values().forEach(u -> u.client().close());
    }

    private final class Interceptor implements ProxyInterceptor {

        private final String service;

        Interceptor(String service) {
            this.service = service;
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
            return ctx.sendRequest().recover(failure -> Future.succeededFuture(failed(ctx, forward, failure)));
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext ctx) {
            Forward forward = ctx.get(FORWARD, Forward.class);
            ProxyResponse response = ctx.response();
            response.headers().remove(HttpHeaders.CONNECTION).remove(HttpHeaders.KEEP_ALIVE);
            if (forward != null) {
                response.headers().set(RequestIds.HEADER, forward.requestId());
            }
            return ctx.sendResponse();
        }

        private ProxyResponse failed(ProxyContext ctx, Forward forward, Throwable failure) {
            boolean connected = Boolean.TRUE.equals(ctx.get(CONNECTED, Boolean.class));
            LOG.warnf("request %s to %s failed (%s): %s", forward.requestId(), service,
                    failure.getClass().getSimpleName(), failure.getMessage());
            if (!connected) {
                return problem(ctx, forward, 503, "Service Unavailable", service + " is unreachable");
            }
            if (failure instanceof TimeoutException) {
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

package org.neighborshare.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.neighborshare.gateway.config.GatewayConfig;
import org.neighborshare.gateway.limits.LimitedBody;
import org.neighborshare.shared.observability.RequestIds;
import org.neighborshare.shared.problem.Problem;

/**
 * Forwards a call that passed the gateway's rules to its service, with vertx-http-proxy's {@link ProxyRequest}:
 * one HTTP client (its own connection pool) per upstream service. Bodies stream both ways, so clip uploads and
 * downloads never sit whole in the gateway's memory.
 */
@ApplicationScoped
public class Upstreams {

    private static final Logger LOG = Logger.getLogger(Upstreams.class);
    /**
     * How much of a refused body is read (and dropped) so the client gets to read the answer: the route's limit,
     * at least this much. A client that sends more than that gets its connection closed.
     */
    static final long MIN_DRAIN = 4 * 1024 * 1024;

    static long drainLimit(long maxBodySize) {
        return Math.max(maxBodySize, MIN_DRAIN);
    }

    private final Map<String, Upstream> upstreams = new HashMap<>();
    private final Problems problems;
    private final GatewayConfig.Upstream limits;

    record Upstream(String name, HttpClient client, UpstreamClients.Address address, URI origin) {}

    @Inject
    public Upstreams(UpstreamClients clients, GatewayConfig config, Problems problems) {
        this.problems = problems;
        this.limits = config.upstream();
        config.services()
                .forEach((name, service) -> upstreams.put(
                        name,
                        new Upstream(
                                name,
                                clients.create(name, "gateway-" + name, limits.maxConnectionsPerService()),
                                clients.address(name),
                                URI.create(service.url()))));
    }

    /**
     * Sends {@code request} (the client's, with the gateway's headers) to the service and the answer back. Settles
     * {@code reachable} for the service's circuit: completed when the service answered, failed when it could not
     * be reached or did not answer in time.
     */
    public void forward(ProxyRequest request, Forward forward, Promise<Void> reachable) {
        new Exchange(upstreams.get(forward.service()), request, forward, reachable).start();
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

    /** One forwarded call: the request out, the answer (or the gateway's problem) back. */
    private final class Exchange {

        private final Upstream upstream;
        private final ProxyRequest request;
        private final Forward forward;
        private final Promise<Void> reachable;
        private LimitedBody limitedBody;
        private boolean connected;
        private ProxyResponse response;

        Exchange(Upstream upstream, ProxyRequest request, Forward forward, Promise<Void> reachable) {
            this.upstream = upstream;
            this.request = request;
            this.forward = forward;
            this.reachable = reachable;
        }

        void start() {
            request.setURI(forward.uri());
            ForwardedHeaders.set(request.headers(), forward);
            limitChunkedBody();
            connect()
                    .compose(request::send)
                    .onSuccess(answer -> reachable.tryComplete())
                    .recover(failure -> Future.succeededFuture(failed(failure)))
                    .compose(this::respond)
                    // As vertx-http-proxy's own HttpProxy does when the answer cannot be sent.
                    .recover(failure -> response.release().setStatusCode(502).send());
        }

        private void limitChunkedBody() {
            Body body = request.getBody();
            if (body != null && body.length() < 0) {
                // No Content-Length (chunked): the size is only known by counting on the way through.
                HttpServerRequest client = request.proxiedRequest();
                limitedBody = new LimitedBody(
                        body.stream(), forward.maxBodySize(), drainLimit(forward.maxBodySize()), () -> close(client));
                request.setBody(Body.body(limitedBody, -1));
            }
        }

        private Future<HttpClientRequest> connect() {
            RequestOptions options = new RequestOptions()
                    .setHost(upstream.address().host())
                    .setPort(upstream.address().port())
                    .setSsl(upstream.address().tls())
                    // Bounds the wait for a pooled connection too, not only the TCP connect.
                    .setConnectTimeout(limits.connectTimeout().toMillis())
                    .setIdleTimeout(forward.timeout().toMillis());
            return upstream.client().request(options).onSuccess(r -> connected = true);
        }

        private Future<Void> respond(ProxyResponse answer) {
            response = answer;
            if (!TransferEncodings.sane(answer.headers())) {
                return answer.release()
                        .setStatusCode(501)
                        .putHeader(HttpHeaders.CONTENT_LENGTH, "0")
                        .setBody(null)
                        .send();
            }
            answer.headers().remove(HttpHeaders.CONNECTION).remove(HttpHeaders.KEEP_ALIVE);
            // Cross-origin policy is the gateway's alone (quarkus.http.cors.*), whatever a service says.
            List<String> foreignCors = null; // a plain loop: this runs on every answer
            for (Map.Entry<String, String> header : answer.headers()) {
                if (header.getKey().regionMatches(true, 0, "access-control-", 0, 15)) {
                    if (foreignCors == null) {
                        foreignCors = new ArrayList<>();
                    }
                    foreignCors.add(header.getKey());
                }
            }
            if (foreignCors != null) {
                foreignCors.forEach(answer.headers()::remove);
            }
            answer.headers().set(RequestIds.HEADER, forward.requestId());
            // A service writes absolute URLs with the address it was called on: the gateway's view of it, which
            // must not leave the cluster. Such a Location becomes a path on the gateway.
            for (CharSequence name : new CharSequence[] {HttpHeaders.LOCATION, HttpHeaders.CONTENT_LOCATION}) {
                String value = answer.headers().get(name);
                if (value != null) {
                    answer.headers().set(name, Locations.onGateway(upstream.origin(), value));
                }
            }
            // Answers carry personal data and agency decisions: no MIME sniffing, and no caching by browsers or
            // proxies unless the service chose a policy itself.
            answer.headers().set("X-Content-Type-Options", "nosniff");
            if (!answer.headers().contains(HttpHeaders.CACHE_CONTROL)) {
                answer.headers().set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            return answer.send();
        }

        /** The gateway's answer when no answer of the service came back, and what it means for the circuit. */
        private ProxyResponse failed(Throwable failure) {
            String service = upstream.name();
            if (limitedBody != null && limitedBody.exceeded()) {
                LOG.debugf("request %s to %s: body over %d bytes", forward.requestId(), service, forward.maxBodySize());
                reachable.tryComplete();
                return problem(
                        413,
                        "Content Too Large",
                        "the request body may be at most " + forward.maxBodySize() + " bytes here");
            }
            LOG.warnf(
                    "request %s to %s failed (%s): %s",
                    forward.requestId(), service, failure.getClass().getSimpleName(), failure.getMessage());
            if (!connected) {
                reachable.tryFail(failure);
                return problem(503, "Service Unavailable", service + " is unreachable");
            }
            if (failure instanceof TimeoutException) {
                reachable.tryFail(failure);
                return problem(
                        504,
                        "Gateway Timeout",
                        service + " did not answer within " + forward.timeout().toMillis() + " ms");
            }
            // Connected, but the exchange broke (the service dropped the connection, the client went away): the
            // service was reached, which is all its circuit asks.
            reachable.tryComplete();
            return problem(502, "Bad Gateway", service + " sent no valid response");
        }

        private ProxyResponse problem(int status, String title, String detail) {
            // release() drops the request body and the headers prepared for the service.
            response = request.release()
                    .response()
                    .setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(RequestIds.HEADER, forward.requestId())
                    .setBody(Body.body(problems.body(status, title, detail, forward.instance())));
            return response;
        }
    }
}

package org.neighborshare.gateway.edge;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.neighborshare.gateway.config.GatewayConfig;
import org.neighborshare.gateway.proxy.Problems;
import org.neighborshare.shared.observability.RequestIds;

/**
 * The first check on every public call, before CORS, authentication and routing: one Host header, a request
 * target and headers within the gateway's limits. The HTTP codec's own limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set well above these, so that
 * an oversized request reaches this check and gets a 414 or 431 problem instead of the codec's empty answer; only
 * beyond the codec's limits does the empty answer remain (Vert.x offers Quarkus applications no hook there).
 */
@ApplicationScoped
public class RequestShape {

    /** Runs before every other filter: CORS (300), authentication (200) and the services' token door (1000). */
    public static final int PRIORITY = 3000;

    @Inject
    GatewayConfig config;

    @Inject
    Problems problems;

    void register(@Observes Filters filters) {
        long maxUri = config.limits().maxUriLength().asLongValue();
        long maxHeaders = config.limits().maxHeaderSize().asLongValue();
        filters.register(ctx -> check(ctx, maxUri, maxHeaders), PRIORITY);
    }

    private void check(RoutingContext ctx, long maxUri, long maxHeaders) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > maxUri) {
            refuse(ctx, 414, "URI Too Long", "the request target may be at most " + maxUri + " characters");
        } else if (headerBytes(request) > maxHeaders) {
            refuse(
                    ctx,
                    431,
                    "Request Header Fields Too Large",
                    "the request headers may be at most " + maxHeaders + " bytes together");
        } else if (request.headers().getAll(HttpHeaders.HOST).size() > 1) {
            // Which of two Hosts counts is where request smuggling lives; neither is taken.
            refuse(ctx, 400, "Bad Request", "a single valid Host header is required");
        } else {
            ctx.next();
        }
    }

    /** The headers' size as sent: "name: value\r\n" each. */
    private static long headerBytes(HttpServerRequest request) {
        long total = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            total += header.getKey().length() + header.getValue().length() + 4;
        }
        return total;
    }

    private void refuse(RoutingContext ctx, int status, String title, String detail) {
        // Connection: close — what is still on the wire of an oversized request is not worth reading.
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        problems.write(
                ctx.response(),
                RequestIds.accept(ctx.request().getHeader(RequestIds.HEADER)),
                status,
                title,
                detail,
                null);
    }
}

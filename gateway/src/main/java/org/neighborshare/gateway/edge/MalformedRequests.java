package org.neighborshare.gateway.edge;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.VertxException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.neighborshare.gateway.proxy.Problems;
import org.neighborshare.shared.observability.RequestIds;

/**
 * Requests Vert.x Web refuses before any route runs: no {@code Host} header, a {@code Host} that is no authority,
 * a path that does not start with '/'. Vert.x fails the routing context with a 4xx; without this, the shared
 * failure handler takes that for an unexpected failure (a 500 and an ERROR line per call, which any client could
 * provoke). They are the client's mistake: a problem with that 4xx, logged at DEBUG.
 */
@ApplicationScoped
public class MalformedRequests {

    private static final Logger LOG = Logger.getLogger(MalformedRequests.class);

    @Inject
    Problems problems;

    /** Registered before the shared failure handler (same order, earlier observer), so it is asked first. */
    void register(@Observes @Priority(0) Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void handle(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (!(ctx.failure() instanceof VertxException)
                || status < 400
                || status >= 500
                || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        String message = String.valueOf(ctx.failure().getMessage());
        String detail = message.contains("Host") || message.contains("authority")
                ? "a single valid Host header is required"
                : "the request is malformed";
        LOG.debugf("refused a malformed request: %s", message);
        String requestId = RequestIds.accept(ctx.request().getHeader(RequestIds.HEADER));
        problems.write(
                ctx.response(),
                requestId,
                status,
                HttpResponseStatus.valueOf(status).reasonPhrase(),
                detail,
                null);
    }
}

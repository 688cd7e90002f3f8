package org.neighborshare.gateway.proxy;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.ProxyRequest;
import java.util.List;
import java.util.Map;
import org.neighborshare.gateway.routing.Requester;
import org.neighborshare.gateway.routing.Route;

/**
 * One call through the gateway, as its rules learn about it. It travels with the request from step to step of
 * {@link GatewayHandler#handle}: each step reads what the steps before it found and adds its own.
 */
final class Call {

    final RoutingContext ctx;
    final String requestId;
    /** Where the call began: every step after an asynchronous one runs here again. */
    final Context context;

    List<String> segments;
    Route route;
    Map<String, String> captures = Map.of();
    /** The normalized path and the query, as forwarded. */
    String uri;
    /** The request the service will get, copied from the client's; only the gateway's headers go on it. */
    ProxyRequest upstream;

    Requester requester = Requester.ANONYMOUS;
    String client;
    String internalToken;

    Call(RoutingContext ctx, String requestId, Context context) {
        this.ctx = ctx;
        this.requestId = requestId;
        this.context = context;
    }

    HttpServerRequest request() {
        return ctx.request();
    }

    String agencyId() {
        return captures.get(Route.AGENCY_ID);
    }
}

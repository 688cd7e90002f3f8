package org.neighborshare.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.ProxyRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.neighborshare.gateway.agency.AgencyStates;
import org.neighborshare.gateway.config.GatewayConfig;
import org.neighborshare.gateway.limits.PageSizes;
import org.neighborshare.gateway.limits.RateLimiter;
import org.neighborshare.gateway.observability.RequestObserver;
import org.neighborshare.gateway.resilience.CircuitBreakers;
import org.neighborshare.gateway.routing.Access;
import org.neighborshare.gateway.routing.AccessPolicy;
import org.neighborshare.gateway.routing.PathSegments;
import org.neighborshare.gateway.routing.Route;
import org.neighborshare.gateway.routing.RouteTable;
import org.neighborshare.gateway.routing.RouteTable.Resolution;
import org.neighborshare.gateway.token.InternalTokenMinter;
import org.neighborshare.shared.observability.RequestIds;

/**
 * The gateway's one entry for /api: the rules every call passes, in order ({@link #handle}). Each rule is a step
 * that either lets the call go on or refuses it with a problem; the call's state travels in a {@link Call}.
 */
@ApplicationScoped
public class GatewayHandler {

    private static final Logger LOG = Logger.getLogger(GatewayHandler.class);
    private static final Future<Void> GO_ON = Future.succeededFuture();
    private static final String DRAIN_LIMIT = "neighbors.drain-limit";
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Inject
    GatewayConfig config;

    @Inject
    Problems problems;

    @Inject
    Authentication authentication;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    AgencyStates agencyStates;

    @Inject
    InternalTokenMinter minter;

    @Inject
    CircuitBreakers breakers;

    @Inject
    Upstreams upstreams;

    @Inject
    RequestObserver observer;

    private RouteTable table;
    private Duration defaultTimeout;
    private PageSizes pageSizes;
    private Set<String> allowedClients;
    /** The portal's pages (gateway.web), or null when none is configured. */
    private Route web;

    void register(@Observes Router router) {
        // Built here so that a broken route table stops the gateway at startup.
        table = RouteTable.from(config);
        defaultTimeout = config.upstream().timeout();
        pageSizes = new PageSizes(config.limits().pageSizeParams());
        allowedClients = Set.copyOf(config.oidc().allowedClients());
        table.routes().forEach(r -> LOG.debugf("route %s", r));
        web = config.web()
                .flatMap(w -> w.service().map(service -> webRoute(w, service, config)))
                .orElse(null);
        router.route("/api/*").handler(this::handle);
        // Anything else goes to the portal's pages when there is a portal (registered here, ahead of the REST
        // layer's own routes, which would answer 404 first).
        router.route().handler(ctx -> {
            Call call = begin(ctx);
            if (web != null && isPage(ctx.normalizedPath())) {
                handlePage(call);
            } else {
                refuse(call, notFound(call));
            }
        });
        // /q/* (which the gateway does not serve itself) and everything without a portal is a 404 problem, not HTML.
        router.route().order(Integer.MAX_VALUE).handler(ctx -> {
            Call call = begin(ctx);
            refuse(call, notFound(call));
        });
    }

    private static Route webRoute(GatewayConfig.Web w, String service, GatewayConfig config) {
        if (!config.services().containsKey(service)) {
            throw new IllegalStateException("gateway.web.service: unknown service '" + service + "'");
        }
        if (!config.rateLimits().containsKey(w.rateLimit())) {
            throw new IllegalStateException("gateway.web.rate-limit: unknown group '" + w.rateLimit() + "'");
        }
        return new Route(
                -1,
                "web",
                List.of(),
                Set.of("GET", "HEAD", "POST"),
                service,
                Access.PUBLIC,
                Optional.empty(),
                Optional.of(w.timeout()),
                w.rateLimit(),
                w.maxBodySize().asLongValue(),
                config.limits().maxPageSize(),
                false);
    }

    /** A path of the web pages: neither the API nor the operational paths (which are never served here). */
    public static boolean isPage(String path) {
        return path != null
                && path.startsWith("/")
                && !path.equals("/api")
                && !path.startsWith("/api/")
                && !path.equals("/q")
                && !path.startsWith("/q/");
    }

    /**
     * A page of the portal: the same edge rules as the API (framing, stripped headers, body size, the client's
     * rate limit), then forwarded with an internal token for the portal (I6). No user token is read here: the
     * portal keeps its users' sessions itself and calls /api like any client.
     */
    void handlePage(Call call) {
        HttpServerRequest request = call.request();
        checkTransferEncoding(call)
                .compose(v -> {
                    if (!web.methods().contains(request.method().name())) {
                        return refused(Refusal.of(
                                        405,
                                        "Method Not Allowed",
                                        request.method().name() + " is not allowed here; allowed: GET, HEAD, POST")
                                .withHeader(HttpHeaders.ALLOW.toString(), "GET, HEAD, POST"));
                    }
                    call.route = web;
                    call.uri = call.ctx.normalizedPath() + (request.query() != null ? "?" + request.query() : "");
                    RequestObserver.matched(call.ctx, web);
                    call.ctx.put(DRAIN_LIMIT, Upstreams.drainLimit(web.maxBodySize()));
                    return GO_ON;
                })
                .compose(v -> stripClientHeaders(call))
                .compose(v -> checkDeclaredBodySize(call))
                .compose(v -> rateLimit(call))
                .compose(v -> mintInternalToken(call))
                .compose(v -> forward(call))
                .onFailure(failure -> refuse(call, failure));
    }

    /** The rules of the gateway, in the order they apply to every call under /api. */
    void handle(RoutingContext ctx) {
        Call call = begin(ctx);
        checkTransferEncoding(call)
                .compose(v -> matchRoute(call))
                .compose(v -> checkAgencyId(call))
                .compose(v -> stripClientHeaders(call))
                .compose(v -> checkPageSize(call))
                .compose(v -> checkDeclaredBodySize(call))
                .compose(v -> authenticate(call))
                .compose(v -> requireAllowedClient(call))
                .compose(v -> applyRoutePolicy(call))
                .compose(v -> rateLimit(call))
                .compose(v -> requireApprovedAgency(call))
                .compose(v -> mintInternalToken(call))
                .compose(v -> forward(call))
                .onFailure(failure -> refuse(call, failure));
    }

    private Call begin(RoutingContext ctx) {
        // The body must wait in the socket until we know whether (and where) it goes.
        ctx.request().pause();
        Call call =
                new Call(ctx, RequestIds.accept(ctx.request().getHeader(RequestIds.HEADER)), Vertx.currentContext());
        observer.begin(ctx, call.requestId);
        return call;
    }

    /** A single "chunked" or none: which of two framings counts is where request smuggling lives. */
    private Future<Void> checkTransferEncoding(Call call) {
        return TransferEncodings.sane(call.request().headers())
                ? GO_ON
                : refused(Refusal.of(400, "Bad Request", "invalid Transfer-Encoding"));
    }

    /** First route whose path and method match; 404 for a path no route names (default deny), 405 for a method. */
    private Future<Void> matchRoute(Call call) {
        HttpServerRequest request = call.request();
        Optional<List<String>> segments = PathSegments.parse(call.ctx.normalizedPath());
        if (segments.isEmpty()) {
            return refused(notFound(call));
        }
        Resolution resolution = table.resolve(request.method().name(), segments.get());
        if (resolution instanceof Resolution.NotFound) {
            return refused(notFound(call));
        }
        if (resolution instanceof Resolution.MethodNotAllowed notAllowed) {
            String allow = String.join(", ", notAllowed.allowed());
            return refused(Refusal.of(
                            405,
                            "Method Not Allowed",
                            request.method().name() + " is not allowed here; allowed: " + allow)
                    .withHeader(HttpHeaders.ALLOW.toString(), allow));
        }
        Resolution.Match match = (Resolution.Match) resolution;
        call.route = match.route();
        call.captures = match.captures();
        call.uri = PathSegments.join(segments.get()) + (request.query() != null ? "?" + request.query() : "");
        RequestObserver.matched(call.ctx, call.route);
        call.ctx.put(DRAIN_LIMIT, Upstreams.drainLimit(call.route.maxBodySize()));
        return GO_ON;
    }

    /**
     * An agency id in the path that is no UUID names no agency: a 400 naming it, before any role or agency-state
     * check would answer a misleading 403 about an agency that cannot exist.
     */
    private Future<Void> checkAgencyId(Call call) {
        String agencyId = call.captures.get(Route.AGENCY_ID);
        return agencyId == null || CANONICAL_UUID.matcher(agencyId).matches()
                ? GO_ON
                : refused(Refusal.invalidField(Route.AGENCY_ID, "must be a UUID"));
    }

    /** The service gets a copy of the client's request without anything sent under the gateway's own headers. */
    private Future<Void> stripClientHeaders(Call call) {
        call.upstream = ProxyRequest.reverseProxy(call.request());
        ForwardedHeaders.strip(call.upstream.headers());
        return GO_ON;
    }

    /** Bad input the gateway can judge without a token: a page larger than the route serves is a 400. */
    private Future<Void> checkPageSize(Call call) {
        return pageSizes
                .violation(call.request().query(), call.route.maxPageSize())
                .<Future<Void>>map(problem -> refused(Refusal.of(400, "Bad Request", problem)))
                .orElse(GO_ON);
    }

    /** A declared body over the route's limit is a 413 before a byte of it is read (chunked: see Upstreams). */
    private Future<Void> checkDeclaredBodySize(Call call) {
        long limit = call.route.maxBodySize();
        return contentLength(call.request()) > limit ? refused(bodyTooLarge(limit)) : GO_ON;
    }

    /** Who calls, from the Keycloak token; public data is the same for everyone, so there it is not even read. */
    private Future<Void> authenticate(Call call) {
        if (call.route.access() == Access.PUBLIC) {
            return GO_ON;
        }
        return authentication.identify(call).map(verified -> {
            call.requester = verified.requester();
            call.client = verified.client();
            return null;
        });
    }

    /**
     * Only tokens issued to the API's own clients: a valid realm token issued to admin-cli, account-console… (or
     * to none) is a 401 (gateway.oidc.allowed-clients).
     */
    private Future<Void> requireAllowedClient(Call call) {
        if (call.requester.anonymous() || call.client != null && allowedClients.contains(call.client)) {
            return GO_ON;
        }
        LOG.debugf("request %s: token of client %s refused", call.requestId, call.client);
        return refused(Refusal.of(401, "Unauthorized", "the bearer token is invalid, expired or not from this realm"));
    }

    /** The route's access: public, any signed-in user, a realm role, or a role in the agency of the path (I5). */
    private Future<Void> applyRoutePolicy(Call call) {
        AccessPolicy.Decision decision = AccessPolicy.decide(call.route, call.captures, call.requester);
        if (decision instanceof AccessPolicy.Decision.Unauthenticated) {
            boolean sent = call.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
            return refused(Refusal.of(
                    401,
                    "Unauthorized",
                    sent
                            ? "a valid bearer token is required"
                            : "this needs a bearer token in the Authorization header"));
        }
        if (decision instanceof AccessPolicy.Decision.Forbidden forbidden) {
            return refused(Refusal.of(403, "Forbidden", forbidden.detail()));
        }
        return GO_ON;
    }

    /** 429 when the call is over one of its route group's limits (per user, per agency, per client address). */
    private Future<Void> rateLimit(Call call) {
        return rateLimiter
                .check(call.route, call.requester, call.agencyId(), clientAddress(call.request()))
                .<Future<Void>>map(r -> refused(Refusal.of(
                                429,
                                "Too Many Requests",
                                "too many requests from " + r.scope().who() + " (rate-limit group '" + r.group()
                                        + "'); retry in " + r.retryAfterSeconds() + " s")
                        .withHeader("Retry-After", Long.toString(r.retryAfterSeconds()))))
                .orElse(GO_ON);
    }

    /** A member's role is worth nothing while their agency is not APPROVED (I5), whatever their token says. */
    private Future<Void> requireApprovedAgency(Call call) {
        if (call.route.access() != Access.AGENCY_ROLE) {
            return GO_ON;
        }
        String agencyId = call.agencyId();
        return Future.fromCompletionStage(agencyStates.status(agencyId).toCompletionStage(), call.context)
                .recover(failure -> {
                    LOG.warnf(
                            "request %s: state of agency %s unknown: %s", call.requestId, agencyId, failure.toString());
                    return refused(Refusal.of(503, "Service Unavailable", "the agency's state cannot be checked now"));
                })
                .compose(status -> {
                    if (!status.exists()) {
                        return refused(notFound(call));
                    }
                    if (!status.approved()) {
                        return refused(Refusal.of(
                                403,
                                "Forbidden",
                                "agency " + agencyId + " is " + status.state()
                                        + (status.reason() != null ? ": " + status.reason() : "")));
                    }
                    return GO_ON;
                });
    }

    /** The token the service trusts (I6): the caller as the gateway understood it, for this service only. */
    private Future<Void> mintInternalToken(Call call) {
        call.internalToken = minter.tokenFor(call.requester, call.route.service());
        return GO_ON;
    }

    /**
     * To the service, through its circuit: while it is open (after repeated failures) a 503 with Retry-After at
     * once. Every answer from here on, the service's or the gateway's problem, is written by {@link Upstreams}.
     */
    private Future<Void> forward(Call call) {
        HttpServerRequest request = call.request();
        if (request.response().closed()) {
            return GO_ON;
        }
        String service = call.route.service();
        Forward forward = new Forward(
                service,
                call.uri,
                call.internalToken,
                call.requestId,
                call.route.timeout().orElse(defaultTimeout),
                clientAddress(request),
                request.scheme(),
                request.authority() != null ? request.authority().toString() : null,
                call.ctx.normalizedPath(),
                call.route.maxBodySize());
        Future<Void> reached = breakers.call(service, reachable -> {
            try {
                if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
                    // The call passed the policy, so the client may send its body now. Without this, curl and other
                    // clients wait a second before each large upload; the upstream never sees the Expect (stripped).
                    request.response().writeContinue();
                }
                upstreams.forward(call.upstream, forward, reachable);
            } catch (RuntimeException e) {
                reachable.tryComplete(); // the gateway's failure, not the service's
                refuse(call, e);
            }
        });
        return reached.recover(failure -> {
            if (!CircuitBreakers.refused(failure)) {
                return GO_ON; // the service was unreachable: Upstreams answered already
            }
            long seconds = breakers.retryAfterSeconds(service);
            return refused(Refusal.of(
                            503,
                            "Service Unavailable",
                            service + " is unavailable after repeated failures; the gateway tries it again in "
                                    + seconds + " s")
                    .withHeader("Retry-After", Long.toString(seconds)));
        });
    }

    /** Answers a refusal as a problem; anything unexpected becomes a 500 rather than a client left hanging. */
    private void refuse(Call call, Throwable failure) {
        Refusal refusal;
        if (failure instanceof Refusal r) {
            refusal = r;
        } else {
            LOG.errorf(failure, "request %s failed in the gateway", call.requestId);
            refusal = Refusal.of(500, "Internal Server Error", "the gateway could not complete the request");
        }
        RoutingContext ctx = call.ctx;
        // Let an unread request body drain (and be dropped) so the client reads the answer and the connection stays
        // usable; one that goes on sending far more than its route would take is cut off.
        Long drain = ctx.get(DRAIN_LIMIT);
        Upstreams.discardThenClose(ctx.request(), drain != null ? drain : Upstreams.MIN_DRAIN);
        if (!ctx.response().headWritten()) {
            refusal.headers().forEach(ctx.response()::putHeader);
        }
        problems.write(ctx.response(), call.requestId, refusal.toProblem(ctx.normalizedPath()));
    }

    private static <T> Future<T> refused(Refusal refusal) {
        return Future.failedFuture(refusal);
    }

    private static Refusal notFound(Call call) {
        return Refusal.of(
                404, "Not Found", "no route for " + call.request().method().name() + " " + call.ctx.normalizedPath());
    }

    private static Refusal bodyTooLarge(long limit) {
        // The body is never forwarded: refuse() drops what the client is still sending, and closes if it goes on.
        return Refusal.of(413, "Content Too Large", "the request body may be at most " + limit + " bytes here");
    }

    /** The declared body length, or -1 when there is none (chunked or no body). */
    private static long contentLength(HttpServerRequest request) {
        String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // the HTTP codec refuses these already; never forward one
        }
    }

    /**
     * The peer's address, or the client's as the trusted proxy in front reported it when
     * {@code quarkus.http.proxy.proxy-address-forwarding} is on.
     */
    private static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() != null ? request.remoteAddress().host() : null;
    }
}

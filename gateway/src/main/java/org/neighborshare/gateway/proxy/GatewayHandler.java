package org.neighborshare.gateway.proxy;

import io.quarkus.security.AuthenticationException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.neighborshare.gateway.token.VerifiedTokens;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;
import org.neighborshare.gateway.agency.AgencyStates;
import org.neighborshare.gateway.config.GatewayConfig;
import org.neighborshare.gateway.limits.PageSizes;
import org.neighborshare.gateway.limits.RateLimiter;
import org.neighborshare.gateway.observability.RequestObserver;
import org.neighborshare.gateway.resilience.CircuitBreaker;
import org.neighborshare.gateway.resilience.CircuitBreakers;
import org.neighborshare.gateway.routing.Access;
import org.neighborshare.gateway.routing.AccessPolicy;
import org.neighborshare.gateway.routing.PathSegments;
import org.neighborshare.gateway.routing.Requester;
import org.neighborshare.gateway.routing.Requesters;
import org.neighborshare.gateway.routing.Route;
import org.neighborshare.gateway.routing.RouteTable;
import org.neighborshare.gateway.routing.RouteTable.Resolution;
import org.neighborshare.gateway.token.InternalTokenMinter;
import org.neighborshare.shared.observability.RequestIds;

/**
 * The gateway's one entry for /api: route lookup, authentication, policy, then forwarding. Authentication is
 * not proactive: the identity is resolved here, only for routes that need it, so that a bad token becomes a 401
 * problem (and is simply not looked at on public routes).
 */
@ApplicationScoped
public class GatewayHandler {

    private static final Logger LOG = Logger.getLogger(GatewayHandler.class);
    private static final String DRAIN_LIMIT = "neighbors.drain-limit";

    @Inject
    GatewayConfig config;

    @Inject
    Upstreams upstreams;

    @Inject
    InternalTokenMinter minter;

    @Inject
    Problems problems;

    @Inject
    IdentityProviderManager identityProviderManager;
    @Inject
    VerifiedTokens verifiedTokens;

    @Inject
    AgencyStates agencyStates;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    CircuitBreakers breakers;

    @Inject
    RequestObserver observer;

    private RouteTable table;
    private Duration defaultTimeout;
    private PageSizes pageSizes;
    private Set<String> allowedClients;

    void register(@Observes Router router) {
        // Built here so that a broken route table stops the gateway at startup.
        table = RouteTable.from(config);
        defaultTimeout = config.upstream().timeout();
        pageSizes = new PageSizes(config.limits().pageSizeParams());
        allowedClients = Set.copyOf(config.oidc().allowedClients());
        table.routes().forEach(r -> LOG.debugf("route %s", r));
        router.route("/api/*").handler(this::handle);
        // Anything else (including /q/* that the gateway does not serve itself) is a 404 problem, not HTML.
        router.route().order(Integer.MAX_VALUE).handler(ctx -> {
            String requestId = RequestIds.accept(ctx.request().getHeader(RequestIds.HEADER));
            observer.begin(ctx, requestId);
            notFound(ctx, requestId);
        });
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // The body must wait in the socket until we know whether (and where) it goes.
        request.pause();
        String requestId = RequestIds.accept(request.getHeader(RequestIds.HEADER));
        observer.begin(ctx, requestId);

        if (!chunkingSane(request)) {
            fail(ctx, requestId, 400, "Bad Request", "invalid Transfer-Encoding");
            return;
        }
        Optional<List<String>> segments = PathSegments.parse(ctx.normalizedPath());
        if (segments.isEmpty()) {
            notFound(ctx, requestId);
            return;
        }
        Resolution resolution = table.resolve(request.method().name(), segments.get());
        if (resolution instanceof Resolution.NotFound) {
            notFound(ctx, requestId);
            return;
        }
        if (resolution instanceof Resolution.MethodNotAllowed notAllowed) {
            String allow = String.join(", ", notAllowed.allowed());
            ctx.response().putHeader(HttpHeaders.ALLOW, allow);
            fail(ctx, requestId, 405, "Method Not Allowed",
                    request.method().name() + " is not allowed here; allowed: " + allow);
            return;
        }
        Resolution.Match match = (Resolution.Match) resolution;
        Route route = match.route();
        RequestObserver.matched(ctx, route);
        ctx.put(DRAIN_LIMIT, Upstreams.drainLimit(route.maxBodySize()));
        String uri = PathSegments.join(segments.get()) + (request.query() != null ? "?" + request.query() : "");

        // Bad input the gateway can judge without a token, before a byte of the body is read.
        Optional<String> pageProblem = pageSizes.violation(request.query(), route.maxPageSize());
        if (pageProblem.isPresent()) {
            fail(ctx, requestId, 400, "Bad Request", pageProblem.get());
            return;
        }
        long declared = contentLength(request);
        if (declared > route.maxBodySize()) {
            bodyTooLarge(ctx, requestId, route.maxBodySize());
            return;
        }

        if (route.access() == Access.PUBLIC) {
            // Public data is the same for everyone: the token is not even read, and a stale one does no harm.
            if (rateLimited(ctx, route, Requester.ANONYMOUS, null, requestId)) {
                return;
            }
            forward(ctx, match, Requester.ANONYMOUS, uri, requestId);
            return;
        }
        // Quarkus's default reaction to a failed lazy authentication ends the response with an empty body; the
        // failure is ours to answer, as a problem.
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (c, t) -> {
        });
        String token = bearerToken(request);
        SecurityIdentity known = token == null ? null : verifiedTokens.get(token);
        if (known != null) {
            authorize(ctx, match, known, uri, requestId);
            return;
        }
        Context context = Vertx.currentContext();
        QuarkusHttpUser.getSecurityIdentity(ctx, identityProviderManager).subscribe().with(
                identity -> onContext(context, ctx, requestId, () -> {
                    if (token != null) {
                        verifiedTokens.put(token, identity);
                    }
                    authorize(ctx, match, identity, uri, requestId);
                }),
                failure -> onContext(context, ctx, requestId, () -> unauthenticated(ctx, failure, requestId)));
    }

    private void authorize(RoutingContext ctx, Resolution.Match match, SecurityIdentity identity, String uri,
                           String requestId) {
        Requester requester = Requesters.from(identity);
        String client = Requesters.clientId(identity);
        if (!requester.anonymous() && (client == null || !allowedClients.contains(client))) {
            // A valid realm token, but issued to a client (admin-cli, account-console…) that is not meant to call
            // the API, or to none at all.
            LOG.debugf("request %s: token of client %s refused", requestId, client);
            fail(ctx, requestId, 401, "Unauthorized", "the bearer token is invalid, expired or not from this realm");
            return;
        }
        AccessPolicy.Decision decision = AccessPolicy.decide(match.route(), match.captures(), requester);
        if (decision instanceof AccessPolicy.Decision.Unauthenticated) {
            boolean sent = ctx.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
            fail(ctx, requestId, 401, "Unauthorized", sent ? "a valid bearer token is required"
                    : "this needs a bearer token in the Authorization header");
        } else if (decision instanceof AccessPolicy.Decision.Forbidden forbidden) {
            fail(ctx, requestId, 403, "Forbidden", forbidden.detail());
        } else if (rateLimited(ctx, match.route(), requester, match.captures().get(Route.AGENCY_ID), requestId)) {
            return;
        } else if (match.route().access() == Access.AGENCY_ROLE) {
            requireApprovedAgency(ctx, match, requester, uri, requestId);
        } else {
            forward(ctx, match, requester, uri, requestId);
        }
    }

    /** A member's role is worth nothing while their agency is not APPROVED (I5), whatever their token says. */
    private void requireApprovedAgency(RoutingContext ctx, Resolution.Match match, Requester requester, String uri,
                                       String requestId) {
        String agencyId = match.captures().get("agencyId");
        Context context = Vertx.currentContext();
        agencyStates.status(agencyId).onComplete(result -> onContext(context, ctx, requestId, () -> {
            if (result.failed()) {
                LOG.warnf("request %s: state of agency %s unknown: %s", requestId, agencyId, result.cause().toString());
                fail(ctx, requestId, 503, "Service Unavailable", "the agency's state cannot be checked now");
            } else if (!result.result().exists()) {
                notFound(ctx, requestId);
            } else if (!result.result().approved()) {
                AgencyStates.Status status = result.result();
                fail(ctx, requestId, 403, "Forbidden", "agency " + agencyId + " is " + status.state()
                        + (status.reason() != null ? ": " + status.reason() : ""));
            } else {
                forward(ctx, match, requester, uri, requestId);
            }
        }));
    }

    private void unauthenticated(RoutingContext ctx, Throwable failure, String requestId) {
        while (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException) {
            // The reason (expired, bad signature, wrong issuer) stays in the debug log: it helps an attacker more
            // than a client.
            LOG.debugf("request %s: token rejected: %s", requestId, failure.getMessage());
            fail(ctx, requestId, 401, "Unauthorized", "the bearer token is invalid, expired or not from this realm");
        } else {
            LOG.warnf("request %s: token could not be verified: %s", requestId, failure.toString());
            fail(ctx, requestId, 503, "Service Unavailable", "the token could not be verified now");
        }
    }

    private void forward(RoutingContext ctx, Resolution.Match match, Requester requester, String uri,
                         String requestId) {
        HttpServerRequest request = ctx.request();
        if (request.response().closed()) {
            return;
        }
        String service = match.route().service();
        CircuitBreaker breaker = breakers.of(service);
        if (!breaker.tryAcquire()) {
            long seconds = Math.max(1, (breaker.retryAfter().toMillis() + 999) / 1000);
            ctx.response().putHeader("Retry-After", Long.toString(seconds));
            fail(ctx, requestId, 503, "Service Unavailable", service
                    + " is unavailable after repeated failures; the gateway tries it again in " + seconds + " s");
            return;
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            // The call passed the policy, so the client may send its body now. Without this, curl and other
            // clients wait a second before each large upload; the upstream never sees the Expect (it is dropped).
            request.response().writeContinue();
        }
        Forward forward = new Forward(service, uri, minter.tokenFor(requester, service), requestId,
                match.route().timeout().orElse(defaultTimeout), clientAddress(request),
                request.scheme(), request.authority() != null ? request.authority().toString() : null,
                ctx.normalizedPath(), match.route().maxBodySize());
        upstreams.forward(request, forward);
    }

    /** Answers 429 when the call is over one of its route group's limits. */
    private boolean rateLimited(RoutingContext ctx, Route route, Requester requester, String agencyId,
                                String requestId) {
        Optional<RateLimiter.Refusal> refusal = rateLimiter.check(route, requester, agencyId,
                clientAddress(ctx.request()));
        if (refusal.isEmpty()) {
            return false;
        }
        RateLimiter.Refusal r = refusal.get();
        ctx.response().putHeader("Retry-After", Long.toString(r.retryAfterSeconds()));
        fail(ctx, requestId, 429, "Too Many Requests", "too many requests from " + r.scope().who()
                + " (rate-limit group '" + r.group() + "'); retry in " + r.retryAfterSeconds() + " s");
        return true;
    }

    private void bodyTooLarge(RoutingContext ctx, String requestId, long limit) {
        // The body is never forwarded: fail() drops what the client is still sending, and closes if it goes on.
        fail(ctx, requestId, 413, "Content Too Large", "the request body may be at most " + limit + " bytes here");
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

    private void notFound(RoutingContext ctx, String requestId) {
        fail(ctx, requestId, 404, "Not Found", "no route for " + ctx.request().method().name() + " "
                + ctx.normalizedPath());
    }

    private void fail(RoutingContext ctx, String requestId, int status, String title, String detail) {
        // Let an unread request body drain (and be dropped) so the client reads the answer and the connection stays
        // usable; one that goes on sending far more than its route would take is cut off.
        Long drain = ctx.get(DRAIN_LIMIT);
        Upstreams.discardThenClose(ctx.request(), drain != null ? drain : Upstreams.MIN_DRAIN);
        problems.write(ctx.response(), requestId, status, title, detail, ctx.normalizedPath());
    }

    /** The token of a single {@code Authorization: Bearer} header, or null (then Quarkus OIDC decides alone). */
    private static String bearerToken(HttpServerRequest request) {
        List<String> values = request.headers().getAll(HttpHeaders.AUTHORIZATION);
        if (values.size() != 1 || !values.get(0).regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = values.get(0).substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static boolean chunkingSane(HttpServerRequest request) {
        List<String> te = request.headers().getAll(HttpHeaders.TRANSFER_ENCODING);
        return te.isEmpty() || te.size() == 1 && te.get(0).trim().equalsIgnoreCase("chunked");
    }

    /**
     * Runs the rest of a call back on the request's context, and turns anything unexpected into a 500 problem:
     * an exception escaping a Mutiny callback would be dropped and leave the client hanging.
     */
    private void onContext(Context context, RoutingContext ctx, String requestId, Runnable action) {
        Runnable guarded = () -> {
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                LOG.errorf(e, "request %s failed in the gateway", requestId);
                fail(ctx, requestId, 500, "Internal Server Error", "the gateway could not complete the request");
            }
        };
        if (context == null || Vertx.currentContext() == context) {
            guarded.run();
        } else {
            context.runOnContext(v -> guarded.run());
        }
    }
}

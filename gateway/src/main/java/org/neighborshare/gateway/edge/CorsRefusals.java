package org.neighborshare.gateway.edge;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.neighborshare.gateway.proxy.Problems;
import org.neighborshare.shared.observability.RequestIds;

/**
 * Quarkus's CORS filter refuses a foreign origin (or a method outside {@code quarkus.http.cors.methods} in a
 * preflight) with a bare 403 and no body. This runs just before it, with the same configuration, and answers the
 * same refusals as problems; what it lets through, the CORS filter handles as before (allowed origins, same-origin
 * calls, the preflight answer).
 */
@ApplicationScoped
public class CorsRefusals {

    /** Just before Quarkus's CORS filter (300). */
    static final int PRIORITY = 301;

    @Inject
    Problems problems;

    @ConfigProperty(name = "quarkus.http.cors.origins")
    List<String> origins;

    @ConfigProperty(name = "quarkus.http.cors.methods")
    List<String> methods;

    void register(@Observes Filters filters) {
        Set<String> allowedOrigins = Set.copyOf(origins);
        Set<String> allowedMethods =
                methods.stream().map(m -> m.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        filters.register(ctx -> check(ctx, allowedOrigins, allowedMethods), PRIORITY);
    }

    private void check(RoutingContext ctx, Set<String> allowedOrigins, Set<String> allowedMethods) {
        HttpServerRequest request = ctx.request();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            ctx.next();
            return;
        }
        if (!allowedOrigins.contains(origin) && !sameOrigin(request, origin)) {
            refuse(ctx, "origin " + origin + " is not allowed to call this API from a browser");
            return;
        }
        String preflightMethod = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        if (HttpMethod.OPTIONS.equals(request.method())
                && preflightMethod != null
                && !allowedMethods.contains(preflightMethod.trim().toUpperCase(Locale.ROOT))) {
            refuse(
                    ctx,
                    "method " + preflightMethod + " is not allowed cross-origin; allowed: "
                            + String.join(", ", allowedMethods));
            return;
        }
        ctx.next();
    }

    /** The page is served by this gateway itself: scheme and authority match the call's. */
    private static boolean sameOrigin(HttpServerRequest request, String origin) {
        return request.authority() != null && origin.equalsIgnoreCase(request.scheme() + "://" + request.authority());
    }

    private void refuse(RoutingContext ctx, String detail) {
        problems.write(
                ctx.response(),
                RequestIds.accept(ctx.request().getHeader(RequestIds.HEADER)),
                403,
                "Forbidden",
                detail,
                null);
    }
}

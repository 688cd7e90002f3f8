package org.neighborshare.portal.pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * What a path that no page, asset or API serves answers. The gateway sends every path outside /api and /q here,
 * so API clients probing for /graphql or /openapi must still get the platform's RFC 9457 problem, and browsers a
 * readable page: the answer follows the Accept header.
 */
@ApplicationScoped
public class UnknownPaths {

    private static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
            + "\"detail\":\"Nothing is served at this path.\"}";

    @Inject
    @Location("error/problem")
    Template problem;

    void install(@Observes Router router) {
        // Last of all routes: pages, webjars and static files have all passed on this request.
        router.route().order(Integer.MAX_VALUE).handler(this::notFound);
    }

    private void notFound(RoutingContext ctx) {
        String accept = ctx.request().getHeader("Accept");
        if (accept != null && accept.contains("text/html")) {
            ctx.response()
                    .setStatusCode(404)
                    .putHeader("Content-Type", "text/html; charset=UTF-8")
                    .end(problem.data("heading", "Not found")
                            .data("message", "There is nothing here, or nothing you may see.")
                            .data("requestId", null)
                            .render());
        } else {
            ctx.response()
                    .setStatusCode(404)
                    .putHeader("Content-Type", "application/problem+json")
                    .end(PROBLEM);
        }
    }
}

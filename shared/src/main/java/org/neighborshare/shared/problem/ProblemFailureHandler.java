package org.neighborshare.shared.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Failures raised before the REST layer (proactive authentication, HTTP permissions, unknown paths) would
 * otherwise leave with an empty or HTML body; this writes them as problems too.
 */
@ApplicationScoped
public class ProblemFailureHandler {

    private static final Logger LOG = Logger.getLogger(ProblemFailureHandler.class);

    @Inject
    ObjectMapper json;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void handle(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        Throwable failure = ctx.failure();
        Problem problem;
        Optional<ProblemException> known = StoreConflicts.problemFor(failure);
        if (known.isPresent()) {
            problem = known.get().toProblem();
        } else if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            problem = Problem.of(401, "Unauthorized", "a valid token is required");
        } else if (failure instanceof ForbiddenException) {
            problem = Problem.of(403, "Forbidden", "your roles do not allow this");
        } else if (failure == null && ctx.statusCode() > 0 && ctx.statusCode() < 500) {
            problem = Problem.of(ctx.statusCode(), "Error", "the request could not be served");
        } else {
            if (failure != null) {
                LOG.error("unexpected failure", failure);
            }
            problem = Problem.of(500, "Internal Server Error", "the service could not complete the request");
        }
        write(ctx, problem.withInstance(ctx.normalizedPath()));
    }

    public void write(RoutingContext ctx, Problem problem) {
        write(ctx.response(), problem);
    }

    /** Writes a problem response unless one was already started; 401s carry a Bearer challenge. */
    public void write(HttpServerResponse response, Problem problem) {
        if (response.headWritten() || response.closed()) {
            return;
        }
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (problem.status() == 401 && !response.headers().contains("WWW-Authenticate")) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        response.end(body(problem));
    }

    public Buffer body(Problem problem) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(problem));
        } catch (Exception e) {
            return Buffer.buffer("{\"status\":" + problem.status() + "}");
        }
    }
}

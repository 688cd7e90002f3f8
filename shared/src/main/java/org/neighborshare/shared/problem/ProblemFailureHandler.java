package org.neighborshare.shared.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
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
        } else if (clientError(ctx, failure) > 0) {
            // Vert.x refused the request itself (a malformed Host, an unparsable header…): the client's fault, so
            // a 4xx problem, never a 500 and no ERROR line.
            int status = clientError(ctx, failure);
            LOG.debugf("refused a malformed request with %d: %s", status, failure);
            problem = Problem.of(
                    status, HttpResponseStatus.valueOf(status).reasonPhrase(), "the request could not be served");
        } else {
            if (failure != null) {
                LOG.error("unexpected failure", failure);
            }
            problem = Problem.of(500, "Internal Server Error", "the service could not complete the request");
        }
        write(ctx, problem.withInstance(ctx.normalizedPath()));
    }

    /** The 4xx status Vert.x failed the request with, or 0 when it was not the client's fault. */
    private static int clientError(RoutingContext ctx, Throwable failure) {
        int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
        return status >= 400 && status < 500 ? status : 0;
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

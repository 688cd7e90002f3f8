package org.neighborshare.gateway.proxy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.neighborshare.shared.observability.RequestIds;
import org.neighborshare.shared.problem.Problem;
import org.neighborshare.shared.problem.ProblemFailureHandler;

/**
 * Every response the gateway makes itself is an RFC 9457 problem, written by the shared library like the
 * services' own; upstream problems pass through untouched.
 */
@ApplicationScoped
public class Problems {

    public static final String BEARER_CHALLENGE = "Bearer realm=\"neighbors\"";

    @Inject
    ProblemFailureHandler problems;

    public Buffer body(int status, String title, String detail, String instance) {
        return problems.body(Problem.of(status, title, detail).withInstance(instance));
    }

    public void write(
            HttpServerResponse response, String requestId, int status, String title, String detail, String instance) {
        write(response, requestId, Problem.of(status, title, detail).withInstance(instance));
    }

    public void write(HttpServerResponse response, String requestId, Problem problem) {
        if (response.headWritten() || response.closed()) {
            return;
        }
        response.putHeader(RequestIds.HEADER, requestId);
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", BEARER_CHALLENGE);
        }
        problems.write(response, problem);
    }
}

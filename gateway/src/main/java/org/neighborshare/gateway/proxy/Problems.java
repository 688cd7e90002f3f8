package org.neighborshare.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.neighborshare.shared.problem.Problem;

/** Every response the gateway makes itself is an RFC 9457 problem; upstream problems pass through untouched. */
@ApplicationScoped
public class Problems {

    public static final String BEARER_CHALLENGE = "Bearer realm=\"neighbors\"";

    @Inject
    ObjectMapper json;

    public Buffer body(int status, String title, String detail, String instance) {
        Problem problem = Problem.of(status, title, detail).withInstance(instance);
        try {
            return Buffer.buffer(json.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            return Buffer.buffer("{\"status\":" + status + "}");
        }
    }

    public void write(HttpServerResponse response, String requestId, int status, String title, String detail,
                      String instance) {
        if (response.headWritten() || response.closed()) {
            return;
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, requestId);
        if (status == 401) {
            response.putHeader("WWW-Authenticate", BEARER_CHALLENGE);
        }
        response.end(body(status, title, detail, instance));
    }
}

package org.neighborshare.shared.observability;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts the gateway's {@code X-Request-Id} into the log context ({@code %X{requestId}} in the log format), so one
 * id follows a call from the gateway's access log through every service's log lines.
 */
public class RequestIdLogging {

    static final String KEY = "requestId";

    @ServerRequestFilter(preMatching = true)
    public void begin(ContainerRequestContext request) {
        String id = request.getHeaderString(RequestIds.HEADER);
        // The gateway already replaced anything odd; a direct caller is refused for want of a token, but its
        // header is read before that and must not be able to forge log lines.
        if (RequestIds.sane(id)) {
            MDC.put(KEY, id);
        }
    }

    @ServerResponseFilter
    public void end() {
        MDC.remove(KEY);
    }
}

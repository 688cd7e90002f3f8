package org.neighborshare.portal.pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.neighborshare.portal.gateway.GatewayProblem;

/**
 * What a page shows when the API said no: 401 leads to sign-in, 403 to a plain "not allowed" page, 404 to "not
 * found", a 5xx to an apology with the request id, and any other refusal to its own words. Never raw JSON.
 */
public class ProblemPages {

    private static final Logger LOG = Logger.getLogger(ProblemPages.class);

    @Inject
    @Location("error/problem")
    Template problem;

    @ServerExceptionMapper
    public Response map(GatewayProblem p, UriInfo uri) {
        if (p.status() == 401) {
            String next = uri.getRequestUri().getRawPath();
            return Response.seeOther(URI.create("/signin?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)))
                    .build();
        }
        String heading;
        String message;
        int status = p.status();
        if (status == 403) {
            heading = "Not allowed";
            message = "Your account may not do this. " + p.message();
        } else if (status == 404) {
            heading = "Not found";
            message = "There is nothing here, or nothing you may see.";
        } else if (status >= 500) {
            LOG.warnf("gateway answered %d (request %s): %s", status, p.requestId(), p.getMessage());
            heading = "Sorry, something went wrong";
            message = "The platform could not answer just now. Please try again in a moment.";
            status = status == 503 || status == 504 ? status : 502;
        } else {
            heading = "That did not work";
            message = p.message();
        }
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(problem.data("heading", heading)
                        .data("message", message)
                        .data("requestId", p.requestId())
                        .render())
                .build();
    }
}

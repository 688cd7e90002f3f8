package org.neighborshare.shared.audit.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.neighborshare.shared.audit.AuditEventType.LogName;
import org.neighborshare.shared.audit.api.PublicLogViews.LogView;
import org.neighborshare.shared.audit.config.AuditConfig;
import org.neighborshare.shared.audit.service.CheckpointPublisher;
import org.neighborshare.shared.audit.service.PublicLogs;
import org.neighborshare.shared.problem.ProblemException;

/**
 * {@code GET /api/public/logs}: the three public logs with their origins, verifier keys and sizes. Served by the one
 * service that sets {@code neighbors.audit.lists-all-logs=true} (build time; agency-service, where the gateway sends
 * the path), which asks the other two through the gateway.
 */
@Path("/api/public/logs")
@IfBuildProperty(name = "neighbors.audit.lists-all-logs", stringValue = "true")
public class PublicLogListResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PublicLogs logs;
    private final CheckpointPublisher publisher;
    private final AuditConfig config;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    PublicLogListResource(PublicLogs logs, CheckpointPublisher publisher, AuditConfig config) {
        this.logs = logs;
        this.publisher = publisher;
        this.config = config;
    }

    /**
     * All three logs. This service knows its own; it asks the gateway for the other two (each one's
     * {@code /api/public/logs/<log>}), so the answer is 503 while one of them cannot tell.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<LogView> all() {
        List<LogView> out = new ArrayList<>();
        for (LogName name : LogName.values()) {
            out.add(name == publisher.log() ? PublicLogResource.view(logs, publisher) : peer(name));
        }
        return out;
    }

    private LogView peer(LogName name) {
        URI uri = URI.create(config.gatewayUrl().replaceAll("/+$", "") + "/api/public/logs/" + name.path());
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(5))
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw ProblemException.unavailable("the " + name.path() + " log answered " + r.statusCode());
            }
            LogView view = JSON.readValue(r.body(), LogView.class);
            if (!name.path().equals(view.log())) {
                throw ProblemException.unavailable("the " + name.path() + " log answered for another log");
            }
            return view;
        } catch (IOException e) {
            throw ProblemException.unavailable("the " + name.path() + " log could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("the " + name.path() + " log could not be reached");
        }
    }
}

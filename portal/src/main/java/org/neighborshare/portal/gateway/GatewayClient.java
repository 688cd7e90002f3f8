package org.neighborshare.portal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.neighborshare.portal.config.PortalConfig;

/**
 * The portal's only way to data: the gateway's {@code /api/**}, with the signed-in user's access token (or none, for
 * the public record), exactly as any API client calls it. Every rule of the gateway and the services applies; an
 * error answer becomes a {@link GatewayProblem}.
 */
@ApplicationScoped
public class GatewayClient {

    private static final Logger LOG = Logger.getLogger(GatewayClient.class);
    private static final String JSON = "application/json";

    @Inject
    PortalConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    private HttpClient http;

    HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .connectTimeout(config.gateway().connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
        }
        return http;
    }

    public JsonNode get(String path) {
        return send("GET", path, null);
    }

    public JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    public JsonNode put(String path, Object body) {
        return send("PUT", path, body);
    }

    public JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    /** A JSON call; {@code body} is serialised as JSON (null: no body). */
    public JsonNode send(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.Builder request = request(path)
                .timeout(config.gateway().timeout())
                .header("Accept", JSON)
                .method(method, publisher);
        if (body != null) {
            request.header("Content-Type", JSON);
        }
        HttpResponse<byte[]> answer = exchange(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() >= 400) {
            throw problem(answer.statusCode(), answer.body(), requestId(answer));
        }
        try {
            byte[] bytes = answer.body();
            return bytes == null || bytes.length == 0 ? NullNode.getInstance() : json.readTree(bytes);
        } catch (IOException e) {
            throw new GatewayProblem(502, "Bad Gateway", "the gateway sent no valid JSON", Map.of(), requestId(answer));
        }
    }

    /** Streams a body (a clip) to the gateway and returns its JSON answer. */
    public JsonNode upload(String path, String contentType, long length, InputStream body) {
        HttpRequest.BodyPublisher publisher = length >= 0
                ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), length)
                : HttpRequest.BodyPublishers.ofInputStream(() -> body);
        HttpRequest request = request(path)
                .header("Accept", JSON)
                .header("Content-Type", contentType)
                .POST(publisher)
                .build();
        HttpResponse<byte[]> answer = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() >= 400) {
            throw problem(answer.statusCode(), answer.body(), requestId(answer));
        }
        try {
            return json.readTree(answer.body());
        } catch (IOException e) {
            throw new GatewayProblem(502, "Bad Gateway", "the gateway sent no valid JSON", Map.of(), requestId(answer));
        }
    }

    /** Streams a body (a clip) from the gateway; the caller closes it. */
    public HttpResponse<InputStream> download(String path) {
        HttpResponse<InputStream> answer =
                exchange(request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (answer.statusCode() >= 400) {
            byte[] bytes;
            try (InputStream in = answer.body()) {
                bytes = in.readNBytes(64 * 1024);
            } catch (IOException e) {
                bytes = new byte[0];
            }
            throw problem(answer.statusCode(), bytes, requestId(answer));
        }
        return answer;
    }

    private HttpRequest.Builder request(String path) {
        if (!path.startsWith("/api/")) {
            throw new IllegalArgumentException("the portal calls only /api/**: " + path);
        }
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(config.gateway().url() + path));
        accessToken().ifPresent(token -> b.header("Authorization", "Bearer " + token));
        return b;
    }

    /** The signed-in user's access token, held in the session cookie; never sent to the browser. */
    private Optional<String> accessToken() {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        return credential == null ? Optional.empty() : Optional.ofNullable(credential.getToken());
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http().send(request, handler);
        } catch (IOException e) {
            LOG.warnf(
                    "gateway call %s %s failed: %s",
                    request.method(), request.uri().getPath(), e.toString());
            throw new GatewayProblem(503, "Service Unavailable", "the gateway cannot be reached", Map.of(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayProblem(503, "Service Unavailable", "interrupted", Map.of(), null);
        }
    }

    private static String requestId(HttpResponse<?> answer) {
        return answer.headers().firstValue("X-Request-Id").orElse(null);
    }

    private GatewayProblem problem(int status, byte[] body, String requestId) {
        String title = "Error " + status;
        String detail = null;
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            JsonNode p = body == null || body.length == 0 ? NullNode.getInstance() : json.readTree(body);
            if (p.hasNonNull("title")) {
                title = p.get("title").asText();
            }
            if (p.hasNonNull("detail")) {
                detail = p.get("detail").asText();
            }
            for (JsonNode e : p.path("errors")) {
                String field = e.path("field").asText("");
                String message = e.path("message").asText("");
                fields.merge(field, message, (a, b) -> a + "; " + b);
            }
        } catch (IOException | RuntimeException e) {
            // Not a problem document (should not happen behind the gateway): the status says enough.
        }
        return new GatewayProblem(status, title, detail, fields, requestId);
    }
}

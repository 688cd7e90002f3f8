package org.neighborshare.gateway.agency;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.neighborshare.gateway.config.GatewayConfig;
import org.neighborshare.gateway.proxy.UpstreamClients;
import org.neighborshare.gateway.resilience.CircuitBreakers;
import org.neighborshare.gateway.routing.Requester;
import org.neighborshare.gateway.token.InternalTokenMinter;
import org.neighborshare.shared.agency.AgencyStatus;
import org.neighborshare.shared.security.BearerToken;

/**
 * Invariant I5: whether an agency may act right now, asked of agency-service and cached for at most
 * {@code gateway.agency-state.cache-for} (≤ 5 s), so a suspension stops every member within 5 seconds whatever
 * tokens they still hold. Unknown state fails closed.
 */
@ApplicationScoped
public class AgencyStates {

    public static final Duration MAX_STALENESS = Duration.ofSeconds(5);
    private static final String AGENCY_SERVICE = "agency-service";
    /** The gateway's own identity towards agency-service's directory. */
    static final Requester GATEWAY =
            new Requester(false, "gateway", "gateway", null, false, Set.of("agency-directory"), Set.of());

    /** What the gateway knows of an agency: its state, the public reason, or that it does not exist. */
    public record Status(boolean exists, String state, String reason) {

        public boolean approved() {
            return exists && AgencyStatus.isApproved(state);
        }
    }

    private final HttpClient client;
    private final InternalTokenMinter minter;
    private final AsyncCache<String, Status> cache;
    private final Duration timeout;
    private final CircuitBreakers breakers;

    /** agency-service's answer, read whole inside the circuit: any status means it is reachable. */
    private record Answer(int status, Buffer body) {}

    @Inject
    public AgencyStates(
            UpstreamClients clients, GatewayConfig config, InternalTokenMinter minter, CircuitBreakers breakers) {
        this.minter = minter;
        // The same circuit as calls proxied to agency-service: while it is open, fail fast instead of waiting for
        // the connect timeout on every member call.
        this.breakers = breakers;
        Duration cacheFor = config.agencyState().cacheFor();
        if (cacheFor.compareTo(MAX_STALENESS) > 0) {
            throw new IllegalStateException("gateway.agency-state.cache-for must be at most " + MAX_STALENESS);
        }
        // Built like the proxy's client, so that an https agency-service is reached over https here too.
        this.client = clients.create(
                AGENCY_SERVICE, "gateway-agency-states", config.upstream().maxConnectionsPerService());
        this.timeout = config.upstream().connectTimeout();
        this.cache = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(cacheFor)
                .buildAsync();
    }

    public Future<Status> status(String agencyId) {
        CompletableFuture<Status> cached = cache.get(
                agencyId, (id, executor) -> fetch(id).toCompletionStage().toCompletableFuture());
        return Future.fromCompletionStage(cached);
    }

    private Future<Status> fetch(String agencyId) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setURI("/api/directory/agencies/" + agencyId + "/status")
                .setIdleTimeout(timeout.toMillis() * 2)
                .putHeader(HttpHeaders.AUTHORIZATION, BearerToken.header(minter.tokenFor(GATEWAY, AGENCY_SERVICE)));
        Future<Answer> answer = breakers.call(
                AGENCY_SERVICE,
                answered -> client.request(options)
                        .compose(HttpClientRequest::send)
                        .compose(resp -> resp.body().map(body -> new Answer(resp.statusCode(), body)))
                        .onComplete(answered));
        return answer.map(a -> {
            if (a.status() == 404) {
                return new Status(false, null, null);
            }
            if (a.status() != 200) {
                throw new IllegalStateException("agency-service answered " + a.status());
            }
            JsonObject json = a.body().toJsonObject();
            return new Status(true, json.getString("state"), json.getString("reason"));
        });
    }

    @PreDestroy
    void close() {
        client.close();
    }
}

package org.neighborshare.shared.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.neighborshare.shared.problem.Problem;
import org.neighborshare.shared.problem.ProblemFailureHandler;

/**
 * Invariant I6 at the door of every service: a call without a bearer token is answered 401 as a problem
 * before routing (Quarkus would otherwise send a bare challenge). Invalid tokens fail later in smallrye-jwt
 * and reach {@link ProblemFailureHandler}. No path is open: the probes are on the management interface, which
 * this filter does not guard (it is another server, not reachable from outside the pod). Active in every module
 * that verifies internal tokens (it names its audience); the gateway, which verifies OIDC tokens, has none.
 */
@ApplicationScoped
public class MissingTokenFilter {

    @Inject
    ProblemFailureHandler problems;

    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<String> audience;

    void register(@Observes Filters filters) {
        if (audience.isEmpty()) {
            return;
        }
        filters.register(
                ctx -> {
                    String path = ctx.normalizedPath();
                    String auth = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
                    if (BearerToken.from(auth).isPresent()) {
                        ctx.next();
                    } else {
                        problems.write(
                                ctx,
                                Problem.of(401, "Unauthorized", "a token minted by the gateway is required")
                                        .withInstance(path));
                    }
                },
                1000);
    }
}

package org.neighborshare.gateway.proxy;

import io.quarkus.security.AuthenticationException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;
import org.neighborshare.gateway.token.VerifiedTokens;
import org.neighborshare.shared.security.BearerToken;

/**
 * Who is calling, from the Keycloak access token. Authentication is not proactive: quarkus-oidc verifies the token
 * here, for the routes that need it, so that a bad token becomes a 401 problem (and public routes never look at
 * it). A token verified a moment ago is taken from {@link VerifiedTokens} instead.
 */
@ApplicationScoped
public class Authentication {

    private static final Logger LOG = Logger.getLogger(Authentication.class);

    @Inject
    IdentityProviderManager identityProviderManager;

    @Inject
    VerifiedTokens verifiedTokens;

    /**
     * The caller's identity (anonymous without a token), on the call's context. Fails with a 401 refusal for a
     * token that is invalid, expired or not from the realm, and a 503 one when it cannot be verified now.
     */
    Future<VerifiedTokens.Verified> identify(Call call) {
        RoutingContext ctx = call.ctx;
        // Quarkus's default reaction to a failed lazy authentication ends the response with an empty body; the
        // failure is ours to answer, as a problem.
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (c, t) -> {});
        String token = bearerToken(ctx.request());
        VerifiedTokens.Verified known = token == null ? null : verifiedTokens.get(token);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        return Future.fromCompletionStage(
                        QuarkusHttpUser.getSecurityIdentity(ctx, identityProviderManager)
                                .subscribeAsCompletionStage(),
                        call.context)
                .map(identity -> verifiedTokens.put(token, identity))
                .recover(failure -> Future.failedFuture(refusal(failure, call.requestId)));
    }

    private static Refusal refusal(Throwable failure, String requestId) {
        while (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException) {
            // The reason (expired, bad signature, wrong issuer) stays in the debug log: it helps an attacker more
            // than a client.
            LOG.debugf("request %s: token rejected: %s", requestId, failure.getMessage());
            return Refusal.of(401, "Unauthorized", "the bearer token is invalid, expired or not from this realm");
        }
        LOG.warnf("request %s: token could not be verified: %s", requestId, failure.toString());
        return Refusal.of(503, "Service Unavailable", "the token could not be verified now");
    }

    /** The token of a single {@code Authorization: Bearer} header, or null (then Quarkus OIDC decides alone). */
    private static String bearerToken(HttpServerRequest request) {
        List<String> values = request.headers().getAll(HttpHeaders.AUTHORIZATION);
        return values.size() == 1 ? BearerToken.from(values.get(0)).orElse(null) : null;
    }
}

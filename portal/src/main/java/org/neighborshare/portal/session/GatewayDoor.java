package org.neighborshare.portal.session;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.neighborshare.portal.config.PortalConfig;

/**
 * Invariant I6 at the portal's door: every request must carry the token the gateway minted for the portal
 * (issuer, audience {@code portal}, RS256 signature by a key of the gateway's JWKS), else a bare 401 before any
 * page runs. So the portal, like every service, is reached only through the gateway, whose edge rules (stripped
 * forwarding headers, rate limits, body limits) then hold for the pages too. Health is on the management port,
 * another server, which this filter does not guard.
 */
@ApplicationScoped
public class GatewayDoor {

    static final String ISSUER = "neighbor-share-gateway";
    static final String AUDIENCE = "portal";
    private static final Logger LOG = Logger.getLogger(GatewayDoor.class);

    @Inject
    PortalConfig config;

    private JwtConsumer consumer;

    void register(@Observes Filters filters) {
        if (!config.gatewayToken().required()) {
            LOG.warn("portal.gateway-token.required=false: pages answer callers that bypass the gateway");
            return;
        }
        consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(5)
                .setMaxFutureValidityInMinutes(2)
                .setExpectedIssuer(ISSUER)
                .setExpectedAudience(AUDIENCE)
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys().getJsonWebKeys()))
                .build();
        filters.register(
                ctx -> {
                    String auth = ctx.request().getHeader("Authorization");
                    if (auth != null
                            && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                            && valid(auth.substring(7).trim())) {
                        ctx.next();
                    } else {
                        ctx.response()
                                .setStatusCode(401)
                                .putHeader("Content-Type", "text/plain; charset=utf-8")
                                .end("The portal is reached only through the gateway.\n");
                    }
                },
                2000);
    }

    private boolean valid(String jwt) {
        try {
            consumer.process(jwt);
            return true;
        } catch (InvalidJwtException e) {
            LOG.debugf("gateway token refused: %s", e.getMessage());
            return false;
        }
    }

    private JsonWebKeySet keys() {
        String location = config.gatewayToken().jwksLocation();
        try {
            String text;
            if (location.startsWith("classpath:")) {
                try (InputStream in = GatewayDoor.class.getClassLoader().getResourceAsStream(location.substring(10))) {
                    if (in == null) {
                        throw new IllegalStateException("no " + location);
                    }
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } else {
                text = Files.readString(Path.of(location), StandardCharsets.UTF_8);
            }
            return new JsonWebKeySet(text);
        } catch (IOException e) {
            throw new UncheckedIOException("portal.gateway-token.jwks-location " + location, e);
        } catch (JoseException e) {
            throw new IllegalStateException(
                    "portal.gateway-token.jwks-location " + location + ": " + e.getMessage(), e);
        }
    }
}

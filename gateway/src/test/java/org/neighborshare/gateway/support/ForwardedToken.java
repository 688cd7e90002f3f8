package org.neighborshare.gateway.support;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/** Verifies a forwarded Authorization header the way a service would: local-demo JWKS, issuer, audience. */
public final class ForwardedToken {

    public final JwtClaims claims;
    public final String keyId;

    private ForwardedToken(JwtClaims claims, String keyId) {
        this.claims = claims;
        this.keyId = keyId;
    }

    public String subject() {
        return claims.getClaimValueAsString("sub");
    }

    public static ForwardedToken verify(String authorizationHeader, String expectedAudience) {
        if (authorizationHeader == null || !authorizationHeader.startsWith("Bearer ")) {
            throw new AssertionError("no bearer token forwarded: " + authorizationHeader);
        }
        try (InputStream in = ForwardedToken.class.getResourceAsStream("/local-demo-keys/internal-jwks.json")) {
            JsonWebKeySet jwks = new JsonWebKeySet(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            JwtConsumer consumer = new JwtConsumerBuilder()
                    .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
                    .setExpectedIssuer("neighbor-share-gateway")
                    .setExpectedAudience(expectedAudience)
                    .setRequireExpirationTime()
                    .setRequireSubject()
                    .build();
            JwtContext context = consumer.process(authorizationHeader.substring("Bearer ".length()));
            return new ForwardedToken(
                    context.getJwtClaims(), context.getJoseObjects().get(0).getKeyIdHeaderValue());
        } catch (Exception e) {
            throw new AssertionError("forwarded token is not a valid gateway token for " + expectedAudience, e);
        }
    }
}

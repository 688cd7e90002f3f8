package org.neighborshare.shared.security;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;

/**
 * The contract of the token the gateway mints for one service (docs/invariants.md, I6). The gateway and the tests
 * build it here; services verify it with smallrye-jwt (issuer, audience, signature by {@code kid}).
 */
public final class InternalToken {

    public static final String ISSUER = "neighbor-share-gateway";
    /** Per-agency roles as "agencyId:role", e.g. "5d1d…:investigator" ({@link AgencyRole#encode}). */
    public static final String AGENCY_ROLES = "agency_roles";

    public static final String EMAIL = "email";
    public static final String EMAIL_VERIFIED = "email_verified";
    /** Longest lifetime a service accepts; the gateway mints far shorter ones. */
    public static final Duration MAX_LIFETIME = Duration.ofSeconds(60);

    private InternalToken() {}

    /** Who the token speaks for, as the gateway read it from the OIDC token. */
    public record Subject(
            String id,
            String username,
            String email,
            boolean emailVerified,
            Collection<String> roles,
            Collection<String> agencyRoles) {}

    public static String mint(Subject subject, String audience, Duration lifetime, String keyId, PrivateKey key) {
        if (lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("internal tokens live at most " + MAX_LIFETIME);
        }
        long now = System.currentTimeMillis() / 1000;
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .audience(audience)
                .subject(subject.id())
                .upn(subject.username() != null ? subject.username() : subject.id())
                .groups(new java.util.HashSet<>(subject.roles()))
                .claim(AGENCY_ROLES, java.util.List.copyOf(subject.agencyRoles()))
                .claim(EMAIL_VERIFIED, subject.emailVerified())
                .issuedAt(now)
                .expiresAt(now + lifetime.toSeconds())
                .claim("jti", UUID.randomUUID().toString());
        if (subject.email() != null) {
            claims.claim(EMAIL, subject.email());
        }
        if (subject.username() != null) {
            claims.preferredUserName(subject.username());
        }
        return claims.jws().keyId(keyId).sign(key);
    }
}

package org.neighborshare.gateway.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keycloak-shaped access tokens (realm "neighbors": realm_access.roles, full-path groups, azp, no aud) signed
 * with the TEST ONLY realm key that the %test profile trusts.
 */
public final class KeycloakTokens {

    public static final String ISSUER = "http://localhost:8180/realms/neighbors";

    private String issuer = ISSUER;
    private String subject = UUID.randomUUID().toString();
    private String username = "neighbor";
    private String typ = "Bearer";
    private long expiresIn = 300;
    private PrivateKey key = realmKey();
    private final List<String> roles = new ArrayList<>(List.of("default-roles-neighbors", "offline_access"));
    private final List<String> groups = new ArrayList<>();

    public static KeycloakTokens user() {
        return new KeycloakTokens();
    }

    public KeycloakTokens subject(String subject) {
        this.subject = subject;
        return this;
    }

    public KeycloakTokens role(String role) {
        roles.add(role);
        return this;
    }

    public KeycloakTokens agencyRole(String agencyId, String role) {
        groups.add("/agencies/" + agencyId + "/" + role);
        return this;
    }

    public KeycloakTokens group(String path) {
        groups.add(path);
        return this;
    }

    public KeycloakTokens issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public KeycloakTokens typ(String typ) {
        this.typ = typ;
        return this;
    }

    public KeycloakTokens expiredSecondsAgo(long seconds) {
        this.expiresIn = -seconds;
        return this;
    }

    public KeycloakTokens signedWith(PrivateKey key) {
        this.key = key;
        return this;
    }

    public String subject() {
        return subject;
    }

    public String token() {
        long now = System.currentTimeMillis() / 1000;
        JwtClaimsBuilder claims = Jwt.claims()
                .issuer(issuer)
                .subject(subject)
                .issuedAt(now - 60 + Math.min(0, expiresIn))
                .expiresAt(now + expiresIn)
                .claim("typ", typ)
                .claim("azp", "neighbors-web")
                .claim("realm_access", Map.of("roles", List.copyOf(roles)))
                .claim("preferred_username", username)
                .claim("email", username + "@example.org")
                .claim("email_verified", true);
        if (!groups.isEmpty()) {
            claims.claim("groups", new java.util.HashSet<>(groups));
        }
        return claims.jws().keyId("test-realm-key").sign(key);
    }

    public String bearer() {
        return "Bearer " + token();
    }

    static PrivateKey realmKey() {
        try (InputStream in = KeycloakTokens.class.getResourceAsStream("/test-only-keycloak/realm-signing-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException("test realm key unreadable", e);
        }
    }
}

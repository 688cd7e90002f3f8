package org.neighborshare.gateway.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.neighborshare.shared.security.BearerToken;

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
    private Long notBeforeIn;
    private String azp = "neighbors-web";
    private String keyId = "test-realm-key";
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

    /** Seconds from now until exp (negative: expired that long ago). */
    public KeycloakTokens expiresIn(long seconds) {
        this.expiresIn = seconds;
        return this;
    }

    /** An nbf claim this many seconds from now. */
    public KeycloakTokens notBeforeIn(long seconds) {
        this.notBeforeIn = seconds;
        return this;
    }

    /** The client the token was issued to; {@code null} leaves the claim out. */
    public KeycloakTokens azp(String azp) {
        this.azp = azp;
        return this;
    }

    public KeycloakTokens keyId(String keyId) {
        this.keyId = keyId;
        return this;
    }

    public KeycloakTokens signedWith(PrivateKey key) {
        this.key = key;
        return this;
    }

    public String subject() {
        return subject;
    }

    /** The claims as a Keycloak access token carries them (for tests that forge the rest of the JWT). */
    public Map<String, Object> claims() {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("iat", now - 60 + Math.min(0, expiresIn));
        claims.put("exp", now + expiresIn);
        if (notBeforeIn != null) {
            claims.put("nbf", now + notBeforeIn);
        }
        claims.put("typ", typ);
        if (azp != null) {
            claims.put("azp", azp);
        }
        claims.put("realm_access", Map.of("roles", List.copyOf(roles)));
        claims.put("preferred_username", username);
        claims.put("email", username + "@example.org");
        claims.put("email_verified", true);
        if (!groups.isEmpty()) {
            claims.put("groups", List.copyOf(groups));
        }
        return claims;
    }

    public String token() {
        JwtClaimsBuilder claims = Jwt.claims();
        claims().forEach((name, value) -> {
            if (name.equals("groups")) {
                claims.claim(name, new java.util.HashSet<>(groups));
            } else {
                claims.claim(name, value);
            }
        });
        return claims.jws().keyId(keyId).sign(key);
    }

    public String bearer() {
        return BearerToken.header(token());
    }

    public static PrivateKey realmKey() {
        try (InputStream in = KeycloakTokens.class.getResourceAsStream("/test-only-keycloak/realm-signing-key.pem")) {
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new IllegalStateException("test realm key unreadable", e);
        }
    }
}

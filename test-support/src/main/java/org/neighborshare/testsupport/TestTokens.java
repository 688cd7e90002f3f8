package org.neighborshare.testsupport;

import io.smallrye.jwt.util.KeyUtils;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.neighborshare.shared.security.AgencyRole;
import org.neighborshare.shared.security.BearerToken;
import org.neighborshare.shared.security.InternalToken;

/**
 * Mints gateway-style internal tokens with the LOCAL DEMO key, so a service's own tests can call it as the
 * gateway would. End-to-end tests never use this: they get real tokens from Keycloak.
 */
public final class TestTokens {

    public static final String KEY_ID = "local-demo-1";

    private final String audience;
    private String id = UUID.randomUUID().toString();
    private String username = "tester";
    private String email;
    private boolean emailVerified;
    private final List<String> roles = new ArrayList<>();
    private final List<String> agencyRoles = new ArrayList<>();

    private TestTokens(String audience) {
        this.audience = audience;
    }

    public static TestTokens forService(String audience) {
        return new TestTokens(audience);
    }

    public TestTokens user(String id, String username) {
        this.id = id;
        this.username = username;
        return this;
    }

    public TestTokens email(String email, boolean verified) {
        this.email = email;
        this.emailVerified = verified;
        return this;
    }

    public TestTokens role(String role) {
        roles.add(role);
        return this;
    }

    public TestTokens agencyRole(Object agencyId, String role) {
        agencyRoles.add(AgencyRole.encode(agencyId, role));
        return this;
    }

    public String mint() {
        return InternalToken.mint(
                new InternalToken.Subject(id, username, email, emailVerified, roles, agencyRoles),
                audience,
                Duration.ofSeconds(30),
                KEY_ID,
                demoKey(1));
    }

    public String bearer() {
        return BearerToken.header(mint());
    }

    /** The local-demo private key N (1 or 2) from this module's resources. */
    public static PrivateKey demoKey(int n) {
        try (InputStream in =
                TestTokens.class.getResourceAsStream("/local-demo-keys/internal-signing-key-" + n + ".pem")) {
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new IllegalStateException("local demo key " + n + " unreadable", e);
        }
    }
}

package org.neighborshare.gateway.token;

import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.security.PrivateKey;

/**
 * Loads the gateway's RSA signing key (PKCS#8 PEM) from a file or, with {@code classpath:}, the classpath;
 * smallrye-jwt's {@link KeyUtils} reads and decodes it.
 */
public final class SigningKeys {

    private SigningKeys() {}

    public static PrivateKey load(String location) {
        String pem;
        try {
            pem = KeyUtils.readKeyContent(location);
        } catch (IOException | RuntimeException e) {
            // Name the location, never the content: the message may reach logs.
            throw new IllegalStateException("internal-token signing key unreadable at " + location, e);
        }
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalStateException("internal-token signing key at " + location
                    + " is not a PKCS#8 PEM (expected '-----BEGIN PRIVATE KEY-----')");
        }
        try {
            return KeyUtils.decodePrivateKey(pem);
        } catch (Exception e) {
            throw new IllegalStateException("internal-token signing key at " + location + " is not an RSA key", e);
        }
    }
}

package org.neighborshare.gateway.token;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Loads the gateway's RSA signing key (PKCS#8 PEM) from a file or, with {@code classpath:}, the classpath. */
public final class SigningKeys {

    public static final String CLASSPATH = "classpath:";

    private SigningKeys() {
    }

    public static PrivateKey load(String location) {
        String pem;
        try {
            pem = read(location);
        } catch (IOException e) {
            // Name the location, never the content: the message may reach logs.
            throw new IllegalStateException("internal-token signing key unreadable at " + location, e);
        }
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalStateException("internal-token signing key at " + location
                    + " is not a PKCS#8 PEM (expected '-----BEGIN PRIVATE KEY-----')");
        }
        try {
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("internal-token signing key at " + location + " is not an RSA key", e);
        }
    }

    private static String read(String location) throws IOException {
        if (location.startsWith(CLASSPATH)) {
            String resource = location.substring(CLASSPATH.length());
            resource = resource.startsWith("/") ? resource.substring(1) : resource;
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            try (InputStream in = cl != null ? cl.getResourceAsStream(resource) : null) {
                if (in == null) {
                    throw new IOException("no such classpath resource");
                }
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        }
        return Files.readString(Path.of(location), StandardCharsets.US_ASCII);
    }
}

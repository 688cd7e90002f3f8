package org.neighborshare.gateway.support;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** JWTs put together by hand, as an attacker would: any header, any algorithm, any key. */
public final class ForgedTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static KeyPair attacker;

    private ForgedTokens() {}

    /** An RSA key pair that nobody trusts. */
    public static synchronized KeyPair attackerKey() {
        if (attacker == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                attacker = generator.generateKeyPair();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return attacker;
    }

    /** The attacker's public key as a JWK, for an embedded {@code jwk} header. */
    public static Map<String, Object> attackerJwk() {
        RSAPublicKey pub = (RSAPublicKey) attackerKey().getPublic();
        return Map.of(
                "kty",
                "RSA",
                "e",
                unsigned(pub.getPublicExponent().toByteArray()),
                "n",
                unsigned(pub.getModulus().toByteArray()));
    }

    public static String unsigned(Map<String, Object> header, Map<String, Object> claims) {
        return signingInput(header, claims) + ".";
    }

    public static String rs256(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
        String input = signingInput(header, claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hs256(Map<String, Object> header, Map<String, Object> claims, byte[] secret) {
        String input = signingInput(header, claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signingInput(Map<String, Object> header, Map<String, Object> claims) {
        return B64.encodeToString(new JsonObject(header).encode().getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(new JsonObject(claims).encode().getBytes(StandardCharsets.UTF_8));
    }

    private static String unsigned(byte[] bigEndian) {
        int skip = bigEndian.length > 1 && bigEndian[0] == 0 ? 1 : 0;
        byte[] trimmed = new byte[bigEndian.length - skip];
        System.arraycopy(bigEndian, skip, trimmed, 0, trimmed.length);
        return B64.encodeToString(trimmed);
    }
}

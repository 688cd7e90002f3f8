package org.neighborshare.shared.audit.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.neighborshare.shared.audit.InvalidNoteException;
import org.neighborshare.shared.audit.NoteKey;
import org.neighborshare.shared.audit.NoteSigner;

/** A log's checkpoint signer from configuration: a base64 PKCS#8 Ed25519 private key, named by the log's origin. */
public final class SigningKeys {

    private SigningKeys() {}

    /** The signer whose key name is {@code origin} (as the C2SP logs do) for this base64 PKCS#8 private key. */
    public static NoteSigner signer(String origin, String base64Pkcs8) {
        byte[] seed = seed(base64Pkcs8);
        try {
            return NoteSigner.of(NoteSigner.privateKey(seed), NoteKey.of(origin, publicKey(seed)));
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** The LOCAL DEMO private key of a log, from this library's {@code local-demo-keys/}; never for a deployment. */
    public static String localDemoKey(String log) {
        String path = "local-demo-keys/audit-" + log + "-signing-key.txt";
        try (InputStream in = SigningKeys.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no LOCAL DEMO audit key " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new IllegalStateException(path, e);
        }
    }

    private static byte[] seed(String base64Pkcs8) {
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Pkcs8.trim())));
            return ((EdECPrivateKey) key)
                    .getBytes()
                    .orElseThrow(() -> new InvalidNoteException("the audit signing key has no private bytes"));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new InvalidNoteException("the audit signing key is not a base64 PKCS#8 Ed25519 private key", e);
        }
    }

    /** The public half of an Ed25519 seed: the JDK derives it when generating a pair from that seed. */
    private static PublicKey publicKey(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                private static final long serialVersionUID = 1L;

                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, bytes.length);
                }
            });
            return generator.generateKeyPair().getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK 15+ has Ed25519", e);
        }
    }
}

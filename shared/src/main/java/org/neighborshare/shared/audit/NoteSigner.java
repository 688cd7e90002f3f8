package org.neighborshare.shared.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Objects;

/**
 * Signs C2SP signed notes with one Ed25519 key. Configured from the raw 32-byte private key (the RFC 8032 seed)
 * and the vkey of its public half; the two are checked to belong together, so a log never publishes signatures
 * its own published key cannot verify.
 */
public final class NoteSigner {

    private final NoteKey key;
    private final PrivateKey privateKey;

    private NoteSigner(NoteKey key, PrivateKey privateKey) {
        this.key = key;
        this.privateKey = privateKey;
        byte[] probe = "neighborshare note key probe\n".getBytes(StandardCharsets.UTF_8);
        if (!NoteVerifier.verifies(key, probe, signRaw(probe))) {
            throw new InvalidNoteException("the private key is not the one of " + key.name() + "'s vkey");
        }
    }

    /** A signer of this raw 32-byte Ed25519 private key (seed), whose public half is {@code key}. */
    public static NoteSigner of(byte[] rawPrivateKey, NoteKey key) {
        return new NoteSigner(Objects.requireNonNull(key, "key"), privateKey(rawPrivateKey));
    }

    /** A signer of this JDK Ed25519 private key, whose public half is {@code key}. */
    public static NoteSigner of(PrivateKey privateKey, NoteKey key) {
        return new NoteSigner(Objects.requireNonNull(key, "key"), Objects.requireNonNull(privateKey, "privateKey"));
    }

    /**
     * A signer of a golang.org/x/mod/sumdb/note private key {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 ||
     * 32-byte seed)>}, whose public half is {@code key} (same name and key id, and the keys must match).
     */
    public static NoteSigner parse(String skey, NoteKey key) {
        Objects.requireNonNull(skey, "skey");
        Objects.requireNonNull(key, "key");
        String prefix = "PRIVATE+KEY+";
        String[] parts =
                skey.startsWith(prefix) ? skey.substring(prefix.length()).split("\\+", 3) : new String[0];
        if (parts.length != 3) {
            throw new InvalidNoteException("a private key is PRIVATE+KEY+<name>+<key id>+<key>");
        }
        if (!parts[0].equals(key.name()) || NoteKey.parseKeyId(parts[1]) != key.keyId()) {
            throw new InvalidNoteException("the private key's name or key id is not the vkey's");
        }
        byte[] typeAndSeed = NoteKey.decodeBase64(parts[2], "the private key");
        if (typeAndSeed.length != 1 + NoteKey.KEY_SIZE || typeAndSeed[0] != NoteKey.ED25519) {
            throw new InvalidNoteException("a private key is 0x01 followed by a 32-byte Ed25519 seed");
        }
        return of(Arrays.copyOfRange(typeAndSeed, 1, typeAndSeed.length), key);
    }

    /** A fresh key pair under this name (for tests and for making a deployment's key). */
    public static NoteSigner generate(String name) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new NoteSigner(NoteKey.of(name, pair.getPublic()), pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK 15+ has Ed25519", e);
        }
    }

    /** The JDK key of a raw 32-byte Ed25519 private key (the RFC 8032 seed). */
    public static PrivateKey privateKey(byte[] rawPrivateKey) {
        if (rawPrivateKey == null || rawPrivateKey.length != NoteKey.KEY_SIZE) {
            throw new InvalidNoteException("an Ed25519 private key has " + NoteKey.KEY_SIZE + " bytes");
        }
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, rawPrivateKey.clone()));
        } catch (GeneralSecurityException e) {
            throw new InvalidNoteException("not an Ed25519 private key", e);
        }
    }

    /** The verifier key to publish: its vkey is {@code verifierKey().toVkey()}. */
    public NoteKey verifierKey() {
        return key;
    }

    public String name() {
        return key.name();
    }

    /** The 4-byte key id followed by the 64-byte Ed25519 signature of {@code text}. */
    byte[] signatureBlob(byte[] text) {
        byte[] signature = signRaw(text);
        byte[] blob = Arrays.copyOf(
                new byte[] {
                    (byte) (key.keyId() >>> 24),
                    (byte) (key.keyId() >>> 16),
                    (byte) (key.keyId() >>> 8),
                    (byte) key.keyId()
                },
                4 + signature.length);
        System.arraycopy(signature, 0, blob, 4, signature.length);
        return blob;
    }

    private byte[] signRaw(byte[] message) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(privateKey);
            ed25519.update(message);
            return ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "NoteSigner[" + key.toVkey() + "]";
    }
}

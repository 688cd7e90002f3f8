package org.neighborshare.shared.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A C2SP signed-note verifier key for Ed25519 (signature type 0x01): the key name, the key id and the 32-byte
 * public key, published and configured as the vkey {@code <name>+<hex key id>+<base64(0x01 || public key)>}.
 *
 * <p>The key id is the first 4 bytes (big-endian) of {@code SHA-256(name || 0x0A || 0x01 || public key)}, as in
 * golang.org/x/mod/sumdb/note.
 */
public final class NoteKey {

    /** The signature type byte of Ed25519 in signed notes. */
    public static final byte ED25519 = 0x01;

    public static final int KEY_SIZE = 32;

    /** X.509 SubjectPublicKeyInfo of an Ed25519 key (RFC 8410), before the 32 raw bytes. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String name;
    private final int keyId;
    private final byte[] rawPublicKey;
    private final PublicKey publicKey;

    private NoteKey(String name, byte[] rawPublicKey) {
        this.name = requireValidName(name);
        if (rawPublicKey == null || rawPublicKey.length != KEY_SIZE) {
            throw new InvalidNoteException("an Ed25519 public key has " + KEY_SIZE + " bytes");
        }
        this.rawPublicKey = rawPublicKey.clone();
        this.keyId = keyId(name, rawPublicKey);
        this.publicKey = publicKey(rawPublicKey);
    }

    /** The verifier key of this name and raw 32-byte Ed25519 public key. */
    public static NoteKey of(String name, byte[] rawPublicKey) {
        return new NoteKey(name, rawPublicKey);
    }

    /** The verifier key of this name and JDK Ed25519 public key. */
    public static NoteKey of(String name, PublicKey publicKey) {
        return new NoteKey(name, rawPublicKey(publicKey));
    }

    /** Reads a vkey {@code <name>+<hex key id>+<base64(0x01 || public key)>}; refuses any other form. */
    public static NoteKey parse(String vkey) {
        Objects.requireNonNull(vkey, "vkey");
        int first = vkey.indexOf('+');
        int second = first < 0 ? -1 : vkey.indexOf('+', first + 1);
        if (second < 0) {
            throw new InvalidNoteException("a vkey is <name>+<key id>+<key>");
        }
        String name = vkey.substring(0, first);
        int keyId = parseKeyId(vkey.substring(first + 1, second));
        byte[] typeAndKey = decodeBase64(vkey.substring(second + 1), "vkey key");
        if (typeAndKey.length != 1 + KEY_SIZE || typeAndKey[0] != ED25519) {
            throw new InvalidNoteException("a vkey's key is 0x01 followed by a 32-byte Ed25519 public key");
        }
        NoteKey key = new NoteKey(name, Arrays.copyOfRange(typeAndKey, 1, typeAndKey.length));
        if (key.keyId != keyId) {
            throw new InvalidNoteException("the vkey's key id does not match its name and key");
        }
        return key;
    }

    /** The vkey {@code <name>+<hex key id>+<base64(0x01 || public key)>}. */
    public String toVkey() {
        return name + "+" + keyIdHex(keyId) + "+" + Base64.getEncoder().encodeToString(typeAndKey(rawPublicKey));
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    public byte[] rawPublicKey() {
        return rawPublicKey.clone();
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteKey other && name.equals(other.name) && Arrays.equals(rawPublicKey, other.rawPublicKey);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(rawPublicKey);
    }

    @Override
    public String toString() {
        return toVkey();
    }

    // ---- the pieces, for the signer and the tests ---------------------------------------------------------

    /** {@code SHA-256(name || 0x0A || 0x01 || public key)[0:4]}, big-endian. */
    public static int keyId(String name, byte[] rawPublicKey) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(typeAndKey(rawPublicKey));
            return ByteBuffer.wrap(digest.digest()).getInt();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String keyIdHex(int keyId) {
        return String.format(Locale.ROOT, "%08x", keyId);
    }

    static int parseKeyId(String hex) {
        if (hex.length() != 8 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new InvalidNoteException("a key id is 8 lower-case hex digits");
        }
        return Integer.parseUnsignedInt(hex, 16);
    }

    /** A key name: non-empty, no white space, no '+', no control character. */
    static String requireValidName(String name) {
        if (!isValidName(name)) {
            throw new InvalidNoteException("a key name is non-empty, without spaces, '+' or control characters");
        }
        return name;
    }

    static boolean isValidName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (c == '+'
                    || Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || Character.isISOControl(c)
                    || Character.isSurrogate((char) c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** The JDK key of a raw 32-byte Ed25519 public key (RFC 8032 encoding), through its X.509 form. */
    public static PublicKey publicKey(byte[] rawPublicKey) {
        if (rawPublicKey == null || rawPublicKey.length != KEY_SIZE) {
            throw new InvalidNoteException("an Ed25519 public key has " + KEY_SIZE + " bytes");
        }
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + KEY_SIZE);
        System.arraycopy(rawPublicKey, 0, encoded, X509_PREFIX.length, KEY_SIZE);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new InvalidNoteException("not an Ed25519 public key", e);
        }
    }

    /** The raw 32 bytes of a JDK Ed25519 public key. */
    public static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = Objects.requireNonNull(key, "key").getEncoded();
        if ((!"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm()))
                || encoded == null
                || encoded.length != X509_PREFIX.length + KEY_SIZE
                || !Arrays.equals(X509_PREFIX, Arrays.copyOf(encoded, X509_PREFIX.length))) {
            throw new InvalidNoteException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
    }

    static byte[] typeAndKey(byte[] rawKey) {
        byte[] out = new byte[1 + rawKey.length];
        out[0] = ED25519;
        System.arraycopy(rawKey, 0, out, 1, rawKey.length);
        return out;
    }

    /** Standard base64 with padding, in its one canonical spelling only. */
    static byte[] decodeBase64(String text, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidNoteException(what + " is not base64", e);
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new InvalidNoteException(what + " is not canonical base64");
        }
        return bytes;
    }
}

package org.neighborshare.shared.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Objects;

/**
 * Verifies C2SP signed notes against one trusted Ed25519 key. A note passes only if it is well formed and has a
 * good signature by this key (same name, same key id, the signature verifies over the exact text bytes);
 * signatures by keys it does not know are ignored, as the spec asks, but one bad signature by the trusted key
 * refuses the note.
 */
public final class NoteVerifier {

    private final NoteKey key;

    public NoteVerifier(NoteKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** A verifier of the key of this vkey. */
    public static NoteVerifier of(String vkey) {
        return new NoteVerifier(NoteKey.parse(vkey));
    }

    public NoteKey key() {
        return key;
    }

    /**
     * The text of {@code note} if a signature by the trusted key verifies it.
     *
     * @throws InvalidNoteException malformed, not signed by this key name, signed only by another key of that
     *     name, or a signature by this key that does not verify
     */
    public String verify(byte[] note) {
        SignedNote parsed = SignedNote.parse(note);
        byte[] text = parsed.text().getBytes(StandardCharsets.UTF_8);
        boolean nameSeen = false;
        boolean verified = false;
        for (SignedNote.NoteSignature signature : parsed.signatures()) {
            if (!signature.name().equals(key.name())) {
                continue;
            }
            nameSeen = true;
            if (signature.keyId() != key.keyId()) {
                continue;
            }
            if (!verifies(key, text, signature.signature())) {
                throw new InvalidNoteException("the signature by " + key.name() + " does not verify");
            }
            verified = true;
        }
        if (!verified) {
            throw new InvalidNoteException(
                    nameSeen
                            ? "the note is signed by another key named " + key.name()
                            : "the note has no signature by " + key.name());
        }
        return parsed.text();
    }

    /** Whether {@code signature} is a good Ed25519 signature of {@code message} by {@code key}. */
    static boolean verifies(NoteKey key, byte[] message, byte[] signature) {
        if (signature.length != 64) {
            return false;
        }
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key.publicKey());
            ed25519.update(message);
            return ed25519.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}

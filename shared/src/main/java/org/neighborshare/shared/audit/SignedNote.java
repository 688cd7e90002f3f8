package org.neighborshare.shared.audit;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP signed note: a UTF-8 text ending in a newline, a blank line, then one line per signature,
 * {@code — <key name> <base64(4-byte key id || signature)>} (U+2014 EM DASH and a space first).
 *
 * <p>{@link #parse(byte[])} checks the form only and returns the text and the signature lines; whether any of them
 * is good is for a {@link NoteVerifier}.
 */
public final class SignedNote {

    /** The start of every signature line: U+2014 and a space. */
    public static final String SIGNATURE_PREFIX = "\u2014 ";

    /** As in golang.org/x/mod/sumdb/note: more signature lines than this is a malformed note. */
    public static final int MAX_SIGNATURES = 100;

    /** One signature line: the key name, the key id, the signature (the blob without its 4-byte key id). */
    public record NoteSignature(String name, int keyId, String base64) {

        /** The signature bytes after the key id. */
        public byte[] signature() {
            byte[] blob = Base64.getDecoder().decode(base64);
            byte[] signature = new byte[blob.length - 4];
            System.arraycopy(blob, 4, signature, 0, signature.length);
            return signature;
        }
    }

    private final String text;
    private final List<NoteSignature> signatures;

    private SignedNote(String text, List<NoteSignature> signatures) {
        this.text = text;
        this.signatures = List.copyOf(signatures);
    }

    /** The text that was signed, with its final newline. */
    public String text() {
        return text;
    }

    public List<NoteSignature> signatures() {
        return signatures;
    }

    /** The signed note of {@code text} by each signer, in order, as its UTF-8 bytes. */
    public static byte[] sign(String text, NoteSigner... signers) {
        requireValidText(text);
        if (signers.length == 0) {
            throw new IllegalArgumentException("a signed note has at least one signature");
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder note = new StringBuilder(text).append('\n');
        for (NoteSigner signer : signers) {
            note.append(SIGNATURE_PREFIX)
                    .append(signer.name())
                    .append(' ')
                    .append(Base64.getEncoder().encodeToString(signer.signatureBlob(message)))
                    .append('\n');
        }
        return note.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the form of a signed note; refuses invalid UTF-8, control characters and every malformed line. */
    public static SignedNote parse(byte[] note) {
        Objects.requireNonNull(note, "note");
        String all = decodeUtf8(note);
        requireNoControlCharacters(all);
        int split = all.lastIndexOf("\n\n");
        if (split < 0) {
            throw new InvalidNoteException("a signed note has a blank line before its signatures");
        }
        String text = all.substring(0, split + 1);
        String block = all.substring(split + 2);
        if (block.isEmpty() || block.charAt(block.length() - 1) != '\n') {
            throw new InvalidNoteException("a signed note ends with signature lines, each ending in a newline");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        int start = 0;
        while (start < block.length()) {
            int end = block.indexOf('\n', start);
            signatures.add(parseSignatureLine(block.substring(start, end)));
            if (signatures.size() > MAX_SIGNATURES) {
                throw new InvalidNoteException("more than " + MAX_SIGNATURES + " signatures");
            }
            start = end + 1;
        }
        return new SignedNote(text, signatures);
    }

    private static NoteSignature parseSignatureLine(String line) {
        if (!line.startsWith(SIGNATURE_PREFIX)) {
            throw new InvalidNoteException("a signature line starts with an em dash and a space");
        }
        String rest = line.substring(SIGNATURE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new InvalidNoteException("a signature line is '— <name> <signature>'");
        }
        String name = rest.substring(0, space);
        String base64 = rest.substring(space + 1);
        if (!NoteKey.isValidName(name)) {
            throw new InvalidNoteException("a signature line names no valid key name");
        }
        byte[] blob = NoteKey.decodeBase64(base64, "a signature");
        if (blob.length < 5) {
            throw new InvalidNoteException("a signature is a 4-byte key id and at least one byte");
        }
        return new NoteSignature(name, ByteBuffer.wrap(blob).getInt(), base64);
    }

    /** A note's text: non-empty, ending in a newline, no control character but the newline. */
    static void requireValidText(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || text.charAt(text.length() - 1) != '\n') {
            throw new InvalidNoteException("a note's text is non-empty and ends with a newline");
        }
        requireNoControlCharacters(text);
        if (!new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(text)) {
            throw new InvalidNoteException("a note's text is valid Unicode (no unpaired surrogate)");
        }
    }

    private static void requireNoControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new InvalidNoteException("a note has no control character but the newline");
            }
        }
    }

    private static String decodeUtf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new InvalidNoteException("a note is valid UTF-8", e);
        }
    }
}

package org.neighborshare.shared.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP tlog-checkpoint: the log's origin line, the tree size in decimal, the base64 root hash, then optional
 * extension lines, each line ending in a newline. It is the text of a {@link SignedNote}.
 *
 * <pre>
 * neighborshare.example/consent-service
 * 42
 * qINS1GRFhWHwdkUeqLEoP4yEMkTBBzxBkGwGQlVlVcs=
 * </pre>
 */
public final class Checkpoint {

    private final String origin;
    private final long size;
    private final byte[] rootHash;
    private final List<String> extensions;

    private Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {
        this.origin = requireLine(origin, "the origin");
        if (size < 0) {
            throw new InvalidNoteException("a tree size is not negative");
        }
        this.size = size;
        if (rootHash == null || rootHash.length != MerkleTree.HASH_SIZE) {
            throw new InvalidNoteException("a root hash has " + MerkleTree.HASH_SIZE + " bytes");
        }
        this.rootHash = rootHash.clone();
        for (String extension : extensions) {
            requireLine(extension, "an extension line");
        }
        this.extensions = List.copyOf(extensions);
    }

    public static Checkpoint of(String origin, long size, byte[] rootHash) {
        return new Checkpoint(origin, size, rootHash, List.of());
    }

    public static Checkpoint of(String origin, long size, byte[] rootHash, List<String> extensions) {
        return new Checkpoint(origin, size, rootHash, extensions);
    }

    /** Reads a checkpoint text; refuses a missing or empty line, a size not in canonical decimal, a bad hash. */
    public static Checkpoint parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || text.charAt(text.length() - 1) != '\n') {
            throw new InvalidNoteException("a checkpoint ends with a newline");
        }
        List<String> lines = List.of(text.substring(0, text.length() - 1).split("\n", -1));
        if (lines.size() < 3) {
            throw new InvalidNoteException("a checkpoint has an origin, a size and a root hash line");
        }
        String sizeLine = lines.get(1);
        long size;
        if (!sizeLine.matches("0|[1-9][0-9]{0,18}")) {
            throw new InvalidNoteException("a checkpoint's size is a decimal number without leading zeros");
        }
        try {
            size = Long.parseLong(sizeLine);
        } catch (NumberFormatException e) {
            throw new InvalidNoteException("a checkpoint's size is too large", e);
        }
        byte[] root = NoteKey.decodeBase64(lines.get(2), "a checkpoint's root hash");
        return new Checkpoint(lines.get(0), size, root, new ArrayList<>(lines.subList(3, lines.size())));
    }

    /** The checkpoint text, every line ending in a newline. */
    public String toText() {
        StringBuilder text = new StringBuilder()
                .append(origin)
                .append('\n')
                .append(size)
                .append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash))
                .append('\n');
        extensions.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** This checkpoint as a signed note. */
    public byte[] sign(NoteSigner signer) {
        return SignedNote.sign(toText(), signer);
    }

    /**
     * The checkpoint of a signed note, if the trusted key signed it and it is the checkpoint of the expected log.
     *
     * @throws InvalidNoteException a bad note or signature, a malformed checkpoint, or another log's origin
     */
    public static Checkpoint open(byte[] note, NoteVerifier verifier, String expectedOrigin) {
        Checkpoint checkpoint = parse(verifier.verify(note));
        if (!checkpoint.origin.equals(expectedOrigin)) {
            throw new InvalidNoteException(
                    "the checkpoint is of the log " + checkpoint.origin + ", not of " + expectedOrigin);
        }
        return checkpoint;
    }

    public String origin() {
        return origin;
    }

    public long size() {
        return size;
    }

    public byte[] rootHash() {
        return rootHash.clone();
    }

    public List<String> extensions() {
        return extensions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint other
                && origin.equals(other.origin)
                && size == other.size
                && Arrays.equals(rootHash, other.rootHash)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
    }

    @Override
    public String toString() {
        return toText();
    }

    private static String requireLine(String line, String what) {
        if (line == null || line.isEmpty()) {
            throw new InvalidNoteException(what + " is a non-empty line");
        }
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) < 0x20) {
                throw new InvalidNoteException(what + " has no newline or control character");
            }
        }
        return line;
    }
}

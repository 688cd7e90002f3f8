package org.neighborshare.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.neighborshare.shared.audit.InvalidNoteException;
import org.neighborshare.shared.audit.NoteKey;
import org.neighborshare.shared.audit.NoteVerifier;

/**
 * The verifier keys (C2SP vkeys) the user trusts. A checkpoint counts only if one of them signed it; the server's
 * own list of keys is never trusted, since a dishonest operator would list its own.
 *
 * @param demo whether these are the LOCAL DEMO keys (the default): good for a local run, meaningless for a deployment
 */
public record TrustedKeys(List<NoteKey> keys, boolean demo) {

    /** The classpath file with the local demo vkeys, one a line (published with the local demo signing keys). */
    public static final String DEMO_KEYS_RESOURCE = "/local-demo-keys/audit-log-vkeys.txt";

    public TrustedKeys {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one verifier key");
        }
    }

    public static TrustedKeys of(List<String> vkeys) {
        return new TrustedKeys(vkeys.stream().map(NoteKey::parse).toList(), false);
    }

    /** The LOCAL DEMO keys, as shipped with the shared library. */
    public static TrustedKeys localDemo() {
        try (InputStream in = TrustedKeys.class.getResourceAsStream(DEMO_KEYS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + DEMO_KEYS_RESOURCE + " on the class path");
            }
            List<NoteKey> keys = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String vkey = line.strip();
                if (!vkey.isEmpty() && !vkey.startsWith("#")) {
                    keys.add(NoteKey.parse(vkey));
                }
            }
            return new TrustedKeys(keys, true);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEMO_KEYS_RESOURCE, e);
        }
    }

    /** A note's text and the key that verified it. */
    public record Verified(String text, NoteKey key) {}

    /**
     * The text of the note if a trusted key signed it.
     *
     * @throws InvalidNoteException no trusted key verifies it (with the reason of the last key tried)
     */
    public Verified verify(byte[] note) {
        InvalidNoteException last = null;
        for (NoteKey key : keys) {
            try {
                return new Verified(new NoteVerifier(key).verify(note), key);
            } catch (InvalidNoteException e) {
                last = e;
            }
        }
        throw new InvalidNoteException("no trusted key verifies it: "
                + Optional.ofNullable(last).map(Throwable::getMessage).orElse("?"));
    }
}

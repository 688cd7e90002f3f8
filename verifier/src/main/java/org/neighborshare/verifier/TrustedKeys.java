package org.neighborshare.verifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.neighborshare.shared.audit.AuditEventType.LogName;
import org.neighborshare.shared.audit.InvalidNoteException;
import org.neighborshare.shared.audit.NoteKey;
import org.neighborshare.shared.audit.NoteVerifier;
import org.neighborshare.shared.audit.store.SigningKeys;

/**
 * The verifier keys (C2SP vkeys) the user trusts. A checkpoint counts only if one of them signed it; the server's
 * own list of keys is never trusted, since a dishonest operator would list its own.
 *
 * @param demo whether these are the LOCAL DEMO keys (the default): good for a local run, meaningless for a deployment
 */
public record TrustedKeys(List<NoteKey> keys, boolean demo) {

    public TrustedKeys {
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one verifier key");
        }
    }

    public static TrustedKeys of(List<String> vkeys) {
        return new TrustedKeys(vkeys.stream().map(NoteKey::parse).toList(), false);
    }

    /**
     * The LOCAL DEMO keys: the public halves of the demo signing keys shipped in the shared library (under {@code
     * local-demo-keys/}), one per log, named by the log's origin under {@code logDomain}. They prove nothing about a
     * deployment, whose keys are its own and published by its operator.
     */
    public static TrustedKeys localDemo(String logDomain) {
        List<NoteKey> keys = new ArrayList<>();
        for (LogName log : LogName.values()) {
            keys.add(SigningKeys.signer(log.origin(logDomain), SigningKeys.localDemoKey(log.path()))
                    .verifierKey());
        }
        return new TrustedKeys(keys, true);
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

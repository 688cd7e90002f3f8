package org.neighborshare.shared.audit.api;

import java.util.List;

/** The JSON of the public log endpoints: hashes in lowercase hex, entry bytes in base64. */
public final class PublicLogViews {

    private PublicLogViews() {}

    /** One public log: its name, checkpoint origin, the vkey that verifies its checkpoints, its latest size. */
    public record LogView(String log, String origin, String verifierKey, long size) {}

    public record EntryView(long index, String leafHash, String entry) {}

    public record InclusionProofView(long index, long size, List<String> hashes) {}

    public record ConsistencyProofView(long from, long to, List<String> hashes) {}
}

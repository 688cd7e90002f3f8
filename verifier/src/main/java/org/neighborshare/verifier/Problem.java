package org.neighborshare.verifier;

import org.neighborshare.shared.audit.AuditEventType.LogName;

/**
 * Something the verifier found wrong: in which log, at which entry (or -1 when it concerns the log as a whole),
 * which check or promise failed, and what exactly.
 */
public record Problem(LogName log, long index, String check, String detail) {

    /** The checks the verifier makes of a log's structure (promises are named by their own names). */
    public static final String SIGNATURE = "CHECKPOINT_SIGNATURE";

    public static final String FORK = "FORK";
    public static final String CONSISTENCY = "CONSISTENCY";
    public static final String ENTRIES = "ENTRIES";
    public static final String LEAF_HASH = "LEAF_HASH";
    public static final String ENTRY_FORMAT = "ENTRY_FORMAT";
    public static final String ROOT = "ROOT";
    public static final String READ = "READ";

    public String describe() {
        return log.path() + " log" + (index >= 0 ? ", entry " + index : "") + ": " + check + " — " + detail;
    }
}

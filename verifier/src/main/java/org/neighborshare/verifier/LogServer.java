package org.neighborshare.verifier;

import java.util.List;
import org.neighborshare.shared.audit.AuditEventType.LogName;

/** What the verifier reads of a deployment: the public log endpoints (README, "How to verify the log"). */
public interface LogServer {

    /** The latest signed checkpoint note, {@code GET /api/public/logs/{log}/checkpoint}. */
    byte[] checkpoint(LogName log);

    /** The consistency proof between two sizes, {@code GET .../proof/consistency?from=M&to=N}. */
    List<byte[]> consistencyProof(LogName log, long from, long to);

    /** Up to {@code limit} entries from {@code start}, {@code GET .../entries?start=S&limit=L}. */
    List<LoggedEntry> entries(LogName log, long start, int limit);

    /** The largest page {@link #entries} answers. */
    int pageSize();
}

package org.neighborshare.shared.audit.promise;

import java.util.Objects;
import org.neighborshare.shared.audit.AuditEventType.LogName;

/** A broken promise: the log and entry index where it shows, the promise, and what exactly is wrong. */
public record Finding(LogName log, long index, Promise promise, String detail) {

    public Finding {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(promise, "promise");
        Objects.requireNonNull(detail, "detail");
    }

    /** One line: {@code consent log, entry 17: <promise> — <detail>}. */
    public String describe() {
        return log.path() + " log, entry " + index + ": " + promise.name() + " (" + promise.statement() + ") — "
                + detail;
    }
}

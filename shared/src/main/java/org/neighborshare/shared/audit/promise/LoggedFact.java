package org.neighborshare.shared.audit.promise;

import java.util.Objects;
import org.neighborshare.shared.audit.AuditEventType.LogName;
import org.neighborshare.shared.audit.AuditFact;

/** A fact as it sits in a public log: which log, its entry index there, and the fact. */
public record LoggedFact(LogName log, long index, AuditFact fact) {

    public LoggedFact {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(fact, "fact");
        if (index < 0) {
            throw new IllegalArgumentException("an entry index is not negative");
        }
        if (fact.type().log() != log) {
            throw new IllegalArgumentException(fact.type().wireName() + " is not a fact of the " + log.path() + " log");
        }
    }
}

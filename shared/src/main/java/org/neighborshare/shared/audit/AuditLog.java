package org.neighborshare.shared.audit;

/**
 * A service's own public log. Each data service has exactly one, backed by its append-only table.
 *
 * <p>{@link #append} runs inside the caller's transaction: the fact is in the log if and only if the decision it
 * records commits, and entries are numbered from 0 without gaps.
 */
public interface AuditLog {

    /** Appends the fact in the caller's (required) transaction and returns the owner's receipt for it. */
    AuditReceipt append(AuditFact fact);
}

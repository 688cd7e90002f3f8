package org.neighborshare.testsupport;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.neighborshare.shared.audit.AuditEventType;
import org.neighborshare.shared.audit.AuditFact;
import org.neighborshare.shared.audit.AuditLog;
import org.neighborshare.shared.audit.AuditReceipt;
import org.neighborshare.shared.audit.MerkleTree;

/**
 * A unit-test stand-in for a service's log: like the real one it refuses an append outside a transaction and
 * keeps a fact only if the transaction commits (a rolled-back decision leaves nothing; its index stays empty).
 * Tests read {@link #since}.
 */
public class RecordingAuditLog implements AuditLog {

    private final AuditEventType.LogName name;
    private final Supplier<TransactionSynchronizationRegistry> transactions;
    private final List<AuditFact> committed = new ArrayList<>();

    public RecordingAuditLog(AuditEventType.LogName name, Supplier<TransactionSynchronizationRegistry> transactions) {
        this.name = name;
        this.transactions = transactions;
    }

    @Override
    public AuditReceipt append(AuditFact fact) {
        if (fact.type().log() != name) {
            throw new IllegalArgumentException(fact.type().wireName() + " does not belong in the " + name + " log");
        }
        TransactionSynchronizationRegistry tx = transactions.get();
        if (tx.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("an audit fact is appended inside the decision's transaction");
        }
        long index;
        synchronized (this) {
            // Reserved now, like a row lock on the log's head; a rollback gives it back below.
            committed.add(null);
            index = committed.size() - 1;
        }
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                synchronized (RecordingAuditLog.this) {
                    committed.set((int) index, status == Status.STATUS_COMMITTED ? fact : null);
                }
            }
        });
        return new AuditReceipt(name, index, MerkleTree.leafHash(fact.toEntry()));
    }

    /** Number of indexes handed out so far; pass it to {@link #since} to read what a test did after it. */
    public synchronized int size() {
        return committed.size();
    }

    /** The committed facts from {@code start} on, in log order. */
    public synchronized List<AuditFact> since(int start) {
        List<AuditFact> out = new ArrayList<>();
        for (AuditFact f : committed.subList(start, committed.size())) {
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }
}

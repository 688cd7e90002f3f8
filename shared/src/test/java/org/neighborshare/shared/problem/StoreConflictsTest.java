package org.neighborshare.shared.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.RollbackException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.dialect.lock.OptimisticEntityLockException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

/** Lost races and refused values, however they are wrapped, are 409/400 problems, never a 500. */
class StoreConflictsTest {

    @Test
    void uniqueViolationAtCommitIsAlreadyExists() {
        SQLException unique = new SQLException("duplicate key value violates unique constraint", "23505");
        ConstraintViolationException hibernate = new ConstraintViolationException(
                "could not execute statement", unique, "insert into agency ...", "agency_open_domain_key");
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.initCause(hibernate);
        ProblemException p = StoreConflicts.problemFor(new ArcUndeclaredThrowableException(commit))
                .orElseThrow();
        assertEquals(409, p.status());
        assertTrue(p.getMessage().contains("already exists"), p.getMessage());
    }

    @Test
    void exclusionViolationIsAlreadyExists() {
        assertEquals(409, status(new PersistenceException(new SQLException("conflicting key value", "23P01"))));
    }

    @Test
    void optimisticAndPessimisticLocksAreChangedConcurrently() {
        for (Throwable t : new Throwable[] {
            new OptimisticLockException("Row was updated or deleted by another transaction"),
            new StaleObjectStateException("Agency", "5d1d0a6e"),
            new RuntimeException(new OptimisticEntityLockException("Agency", "version changed")),
            new PessimisticLockException("could not obtain lock"),
            new PersistenceException(new SQLException("could not serialize access", "40001")),
            new PersistenceException(new SQLException("deadlock detected", "40P01")),
            new PersistenceException(new SQLException("could not obtain lock on row", "55P03"))
        }) {
            ProblemException p = StoreConflicts.problemFor(t).orElseThrow(() -> new AssertionError(t.toString()));
            assertEquals(409, p.status(), t.toString());
            assertTrue(p.getMessage().contains("changed concurrently; retry"), p.getMessage());
        }
    }

    @Test
    void theRealErrorOfABatchIsFoundInItsNextException() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "25P02", new int[0]);
        batch.setNextException(new SQLException("duplicate key", "23505"));
        assertEquals(409, status(new PersistenceException(batch)));
    }

    @Test
    void aSuppressedCauseCounts() {
        RuntimeException outer = new RuntimeException("rollback failed");
        outer.addSuppressed(new SQLException("could not serialize access", "40001"));
        assertEquals(409, status(outer));
    }

    @Test
    void otherIntegrityViolationsAreConflictsAndDataExceptionsBadRequests() {
        assertEquals(409, status(new PersistenceException(new SQLException("fk", "23503"))));
        assertEquals(400, status(new PersistenceException(new SQLException("invalid byte sequence 0x00", "22021"))));
        assertEquals(400, status(new PersistenceException(new SQLException("value too long", "22001"))));
        assertEquals(400, status(new PersistenceException(new SQLException("timestamp out of range", "22008"))));
    }

    @Test
    void aRuleRefusalInsideAWrapperKeepsItsProblem() {
        ProblemException rule = ProblemException.conflict("the quota is used up");
        assertEquals(
                rule,
                StoreConflicts.problemFor(new ArcUndeclaredThrowableException(rule))
                        .orElseThrow());
    }

    @Test
    void anythingElseIsNotRecognised() {
        assertTrue(StoreConflicts.problemFor(new IllegalStateException("bug")).isEmpty());
        assertTrue(StoreConflicts.problemFor(new PersistenceException(new SQLException("conn", "08006")))
                .isEmpty());
        assertTrue(StoreConflicts.problemFor(null).isEmpty());
        RuntimeException loop = new RuntimeException("a");
        RuntimeException other = new RuntimeException("b", loop);
        loop.initCause(other);
        assertTrue(StoreConflicts.problemFor(loop).isEmpty(), "a cause cycle ends the walk");
    }

    private static int status(Throwable t) {
        return StoreConflicts.problemFor(t)
                .orElseThrow(() -> new AssertionError(t.toString()))
                .status();
    }
}

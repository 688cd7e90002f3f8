package org.neighborshare.shared.problem;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises, anywhere in an exception's cause chain, a failure that the store raised because of what the caller
 * sent or because another call got there first, and names the problem it is: a lost race is a 409 (exactly one of
 * the racing calls wins, docs/rules.md), a value the database cannot hold is a 400, never a 500.
 *
 * <p>Matched by class name and SQLState, not by type, so that the library needs neither Hibernate nor JPA and
 * the gateway, which has neither, can use the same mappers. The exceptions arrive wrapped in various ways
 * ({@code PersistenceException}, {@code jakarta.transaction.RollbackException} at commit,
 * {@code ArcUndeclaredThrowableException}), hence the walk.
 */
public final class StoreConflicts {

    /** Lost races that JPA and Hibernate report by type (subclasses included), whatever the SQLState. */
    private static final Set<String> CONCURRENT_CHANGE = Set.of(
            "jakarta.persistence.OptimisticLockException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.LockTimeoutException",
            "org.hibernate.StaleStateException",
            "org.hibernate.PessimisticLockException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException");

    private static final String HIBERNATE_LOCKING = "org.hibernate.dialect.lock.";
    private static final int MAX_DEPTH = 32;

    private StoreConflicts() {}

    /** The problem {@code failure} stands for, when it (or a cause) is a store conflict or refused value. */
    public static Optional<ProblemException> problemFor(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return walk(failure, seen, 0);
    }

    private static Optional<ProblemException> walk(Throwable t, Set<Throwable> seen, int depth) {
        if (t == null || depth > MAX_DEPTH || !seen.add(t)) {
            return Optional.empty();
        }
        Optional<ProblemException> here = classify(t);
        if (here.isPresent()) {
            return here;
        }
        Optional<ProblemException> found = walk(t.getCause(), seen, depth + 1);
        if (found.isEmpty() && t instanceof SQLException sql) {
            found = walk(sql.getNextException(), seen, depth + 1); // batches keep the real error here
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (found.isPresent()) {
                break;
            }
            found = walk(suppressed, seen, depth + 1);
        }
        return found;
    }

    private static Optional<ProblemException> classify(Throwable t) {
        if (t instanceof ProblemException p) {
            return Optional.of(p); // a rule refused the call inside a wrapper (a commit-time synchronisation…)
        }
        if (isConcurrentChange(t.getClass())) {
            return Optional.of(ProblemException.changedConcurrently());
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            return bySqlState(sql.getSQLState());
        }
        return Optional.empty();
    }

    /** PostgreSQL error codes (Appendix A of its manual). */
    static Optional<ProblemException> bySqlState(String state) {
        return switch (state) {
            case "23505", "23P01" -> Optional.of(ProblemException.alreadyExists()); // unique, exclusion
            case "40001", "40P01", "55P03" ->
                Optional.of(ProblemException.changedConcurrently()); // serialization, deadlock, lock not available
            default -> {
                if (state.startsWith("23")) { // foreign key, check…: the stored state refuses this change
                    yield Optional.of(ProblemException.conflict("the change conflicts with the stored data"));
                }
                if (state.startsWith("22")) { // data exception: too long, out of range, NUL in text…
                    yield Optional.of(ProblemException.badRequest(
                            "a value cannot be stored: it is out of range " + "or not valid text"));
                }
                yield Optional.empty();
            }
        };
    }

    private static boolean isConcurrentChange(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            String name = c.getName();
            if (CONCURRENT_CHANGE.contains(name) || name.startsWith(HIBERNATE_LOCKING)) {
                return true;
            }
        }
        return false;
    }
}

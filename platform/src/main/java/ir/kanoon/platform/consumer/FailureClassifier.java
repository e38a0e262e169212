package ir.kanoon.platform.consumer;

import ir.kanoon.platform.database.DatabaseFailures;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Decides what a handler's failure says: about the event, or about the service that handles it.
 *
 * <ul>
 *   <li>{@link Kind#SERVICE}: our own database is unreachable or busy ({@link DatabaseFailures}) — connection failures (SQLState class 08,
 *   {@code SQLTransientConnectionException}, {@code SQLNonTransientConnectionException},
 *   {@code SQLRecoverableException}, Hibernate's {@code JDBCConnectionException}), the server shutting down or
 *   refusing connections (57P01/57P02/57P03), out of resources (class 53: disk full, out of memory, too many
 *   connections), Agroal giving no connection within its acquisition timeout, and contention (serialization
 *   failure 40001, deadlock 40P01, lock not available 55P03, optimistic-lock conflicts). Every event would fail
 *   the same way, so the record is retried for as long as that lasts and is never dead-lettered: an outage
 *   must not dead-letter good events (conventions, Events: "a transient failure (database away, lock timeout)
 *   is retried with backoff while the partition waits").</li>
 *   <li>{@link Kind#UNPROCESSABLE}: the handler said so ({@link UnprocessableEventException}) — dead-lettered at
 *   once, no retry can help.</li>
 *   <li>{@link Kind#EVENT}: anything else — a value the database refuses, a bug the event triggers, an
 *   exception the handler did not expect. Retried a bounded number of times (it may have been a blip), then
 *   dead-lettered, so one poison event cannot block its partition for ever.</li>
 * </ul>
 *
 * <p>The whole cause chain and the suppressed exceptions along it are searched: a commit that fails because
 * PostgreSQL shut down under it arrives as Narayana's {@code RollbackException} with the driver's 57P01 attached
 * as suppressed, not as its cause (seen in bench/faults); {@link ProcessedEvents} wraps the driver's exception in
 * an {@code IllegalStateException}. {@link Kind#SERVICE} wins over {@link Kind#UNPROCESSABLE}: a handler that wraps
 * whatever it caught in an {@code UnprocessableEventException} must still not dead-letter events during an outage.
 * Hibernate and JPA types are matched by class name: the platform does not depend on them.
 */
public final class FailureClassifier {

    /** What a failure says; see the class comment. */
    public enum Kind { SERVICE, UNPROCESSABLE, EVENT }

    /** Another transaction holds what we need: the same event succeeds once it is done. */
    private static final Set<String> CONTENTION_CLASSES = Set.of(
            "jakarta.persistence.OptimisticLockException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.LockTimeoutException",
            "org.hibernate.StaleStateException",
            "org.hibernate.PessimisticLockException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException",
            "org.hibernate.dialect.lock.OptimisticEntityLockException");

    private static final Set<String> CONTENTION_STATES = Set.of(
            "40001",  // serialization_failure
            "40P01",  // deadlock_detected
            "55P03"); // lock_not_available (lock_timeout, NOWAIT)

    private static final int MAX_REASON = 1000;

    private FailureClassifier() {
    }

    public static Kind classify(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (isServiceFailure(t)) {
                return Kind.SERVICE;
            }
        }
        for (Throwable t : chain) {
            if (t instanceof UnprocessableEventException) {
                return Kind.UNPROCESSABLE;
            }
        }
        return Kind.EVENT;
    }

    /**
     * The handler's own words when it said the event is unprocessable (its message, or a description when it gave
     * none: the dead-letter header must not be empty), else null.
     */
    static String unprocessableReason(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof UnprocessableEventException u) {
                return u.getMessage() == null || u.getMessage().isBlank() ? describe(u) : u.getMessage();
            }
        }
        return null;
    }

    /** Our database away or out of resources ({@link DatabaseFailures#isUnavailableHere}), or contention. */
    private static boolean isServiceFailure(Throwable t) {
        if (DatabaseFailures.isUnavailableHere(t) || t instanceof SQLTransactionRollbackException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null && CONTENTION_STATES.contains(sql.getSQLState())) {
            return true;
        }
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (CONTENTION_CLASSES.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A one-line reason for the dead-letter header and the logs: the outermost exception, and where the chain holds
     * a more telling one (a database error with its SQLState, or the innermost cause), that one too. Capped so a
     * header stays small.
     */
    static String describe(Throwable failure) {
        List<Throwable> chain = chain(failure);
        StringBuilder sb = new StringBuilder(oneLine(failure));
        Throwable telling = null;
        for (Throwable t : chain) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                telling = t;
                break;
            }
        }
        if (telling == null) { // the innermost cause (a chain may loop: stop where it would)
            Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            Throwable root = failure;
            while (seen.add(root) && root.getCause() != null && !seen.contains(root.getCause())) {
                root = root.getCause();
            }
            telling = root;
        }
        if (telling != failure) {
            sb.append(" (caused by ").append(oneLine(telling)).append(')');
        }
        return sb.length() <= MAX_REASON ? sb.toString() : sb.substring(0, MAX_REASON - 1) + "…";
    }

    private static String oneLine(Throwable t) {
        StringBuilder sb = new StringBuilder(t.getClass().getSimpleName());
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            sb.append(" [SQLState ").append(sql.getSQLState()).append(']');
        }
        if (t.getMessage() != null) {
            sb.append(": ").append(t.getMessage().replaceAll("\\s+", " ").trim());
        }
        return sb.toString();
    }

    private static List<Throwable> chain(Throwable e) {
        return DatabaseFailures.chain(e);
    }
}

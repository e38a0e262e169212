package ir.kanoon.platform.problem;

import org.postgresql.util.PSQLException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Recognises, anywhere in an exception's cause chain, the database saying that this write collided
 * with another one, or that it refused a value. Matched by class name and SQLState so the platform needs no JPA dependency.
 */
final class Collisions {

    private static final Set<String> OPTIMISTIC = Set.of(
            "jakarta.persistence.OptimisticLockException",
            "org.hibernate.StaleStateException",
            "org.hibernate.StaleObjectStateException",
            "org.hibernate.dialect.lock.OptimisticEntityLockException");

    private Collisions() {
    }

    /** True when PostgreSQL refused a value itself (SQLState class 22, "data exception"). */
    static boolean isRefusedValue(Throwable e) {
        for (Throwable t : causes(e)) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the database could not be reached or gave no connection in time: connection exceptions
     * (SQLState class 08), the server shutting down or refusing connections (57P01–57P03, 53300), or Agroal's
     * pool giving none within its acquisition timeout (a burst larger than the pool). That is our capacity or
     * an outage, not the client's fault and not a bug: a 503 the client may retry, never a 500.
     */
    static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t : causes(e)) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.equals("53300")
                        || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"))) {
                    return true;
                }
                // io.agroal: "Sorry, acquisition timeout!" (pool full) and "Acquisition timeout while waiting for
                // new connection" (a new connection not opened in time, seen under load) - so case-insensitive
                if (state == null && sql.getMessage() != null
                        && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code concurrent-update}, {@code duplicate} or null when {@code e} is not a collision. */
    static String codeOf(Throwable e) {
        for (Throwable t : causes(e)) {
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (OPTIMISTIC.contains(c.getName())) {
                    return "concurrent-update";
                }
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                switch (sql.getSQLState()) {
                    case "23505": return "duplicate";            // unique_violation
                    case "40001", "40P01", "55P03": return "concurrent-update"; // serialization_failure, deadlock, lock_not_available
                    default: break;
                }
            }
        }
        return null;
    }

    /**
     * The name of the constraint PostgreSQL reported for an integrity violation (SQLState class 23:
     * unique, foreign key, check, exclusion) anywhere in the chain, or null. Read from the server's error
     * fields, so it is there even though the driver does not put the row's values in its messages.
     */
    static String constraintOf(Throwable e) {
        for (Throwable t : causes(e)) {
            if (t instanceof PSQLException psql && psql.getSQLState() != null && psql.getSQLState().startsWith("23")
                    && psql.getServerErrorMessage() != null && psql.getServerErrorMessage().getConstraint() != null) {
                return psql.getServerErrorMessage().getConstraint();
            }
        }
        return null;
    }

    /** {@code e} and its causes, each once (a cause chain may loop). */
    /**
     * The cause chain and the suppressed exceptions along it: a commit that fails because PostgreSQL shut down
     * under it reaches us as Narayana's {@code RollbackException} ("Could not commit transaction") whose
     * driver error (SQLState 57P01) is attached as suppressed, not as its cause (seen in bench/faults).
     */
    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(e, chain, seen);
        return chain;
    }

    private static void collect(Throwable e, List<Throwable> chain, Set<Throwable> seen) {
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
            for (Throwable suppressed : t.getSuppressed()) {
                collect(suppressed, chain, seen);
            }
        }
    }
}

package ir.kanoon.platform.problem;

import ir.kanoon.platform.database.DatabaseFailures;
import org.postgresql.util.PSQLException;

import java.sql.SQLException;
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
     * True when the database could not be reached, was lost or gave no connection in time
     * ({@link DatabaseFailures#isUnavailable}): our capacity or an outage, not the client's fault and not a bug —
     * a 503 the client may retry, never a 500.
     */
    static boolean isDatabaseUnavailable(Throwable e) {
        return DatabaseFailures.isUnavailable(e);
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

    /** {@code e}, its causes and the suppressed exceptions along them ({@link DatabaseFailures#chain}). */
    private static List<Throwable> causes(Throwable e) {
        return DatabaseFailures.chain(e);
    }
}

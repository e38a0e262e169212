package ir.kanoon.platform.problem;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
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
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = e; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /** {@code concurrent-update}, {@code duplicate} or null when {@code e} is not a collision. */
    static String codeOf(Throwable e) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = e; t != null && seen.put(t, true) == null; t = t.getCause()) {
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (OPTIMISTIC.contains(c.getName())) {
                    return "concurrent-update";
                }
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                switch (sql.getSQLState()) {
                    case "23505": return "duplicate";            // unique_violation
                    case "40001", "40P01": return "concurrent-update"; // serialization_failure, deadlock
                    default: break;
                }
            }
        }
        return null;
    }
}

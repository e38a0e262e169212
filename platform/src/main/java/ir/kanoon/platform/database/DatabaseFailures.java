package ir.kanoon.platform.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a failure for what it says about our own database. One place for the REST side (a 503 the client may
 * retry, {@code problem.ProblemMapper}) and the event side (retried without limit, never dead-lettered,
 * {@code consumer.FailureClassifier}), so both agree on what "the database is away" means.
 *
 * <p>Failures arrive wrapped: Hibernate around the driver, Narayana's {@code RollbackException} with the driver's
 * error attached as <em>suppressed</em> rather than as its cause (a commit while PostgreSQL shuts down, seen in
 * bench/faults). {@link #chain} walks causes and suppressed exceptions, each once (a chain may loop).
 * Hibernate types are matched by class name: the platform does not depend on Hibernate.
 */
public final class DatabaseFailures {

    private static final Set<String> UNAVAILABLE_CLASSES = Set.of("org.hibernate.exception.JDBCConnectionException");

    private static final Set<String> SHUTDOWN_STATES = Set.of(
            "57P01",  // admin_shutdown
            "57P02",  // crash_shutdown
            "57P03"); // cannot_connect_now (starting up, shutting down)

    private DatabaseFailures() {
    }

    /** {@code e}, its causes and the suppressed exceptions along them, each once. */
    public static List<Throwable> chain(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        collect(e, chain, Collections.newSetFromMap(new IdentityHashMap<>()));
        return chain;
    }

    /** True when anything in {@code e}'s {@link #chain} says the database is unavailable ({@link #isUnavailableHere}). */
    public static boolean isUnavailable(Throwable e) {
        for (Throwable t : chain(e)) {
            if (isUnavailableHere(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * This one exception (not its causes) says the database could not be reached, was lost, or is out of resources:
     * connection exceptions (SQLState class 08 and the JDBC connection exception types), insufficient resources
     * (class 53: disk, memory, too many connections), the server shutting down or starting (57P01–57P03), Agroal's
     * pool giving no connection within its acquisition timeout, Hibernate's {@code JDBCConnectionException}.
     * Our capacity or an outage: never the caller's fault, never the event's.
     */
    public static boolean isUnavailableHere(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("53") || SHUTDOWN_STATES.contains(state))) {
                return true;
            }
            // Agroal: "Sorry, acquisition timeout!" (pool exhausted) and "Acquisition timeout while waiting for new
            // connection" (a new connection not opened in time, seen under load), both without an SQLState
            String message = sql.getMessage();
            if (state == null && message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
        }
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (UNAVAILABLE_CLASSES.contains(c.getName())) {
                return true;
            }
        }
        return false;
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

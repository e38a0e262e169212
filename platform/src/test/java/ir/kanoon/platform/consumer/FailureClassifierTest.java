package ir.kanoon.platform.consumer;

import ir.kanoon.platform.consumer.FailureClassifier.Kind;
import jakarta.transaction.RollbackException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a handler's failure says: the event's fault (retried max-attempts times, then dead-lettered), the handler's
 * explicit "never" (dead-lettered at once), or our database away or busy (retried for as long as it lasts: an
 * outage must never dead-letter good events). Issue 14, Faults: "a consumer fails on a poison event".
 */
class FailureClassifierTest {

    private static SQLException sql(String state) {
        return new SQLException("driver says " + state, state);
    }

    // ---- the event's fault: bounded retries, then the dead-letter topic

    @Test
    void bugsAndUnexpectedExceptionsAreTheEventsFault() {
        assertEquals(Kind.EVENT, FailureClassifier.classify(new IllegalStateException("no such working group")));
        assertEquals(Kind.EVENT, FailureClassifier.classify(new NullPointerException()));
        assertEquals(Kind.EVENT, FailureClassifier.classify(new IllegalArgumentException("bad UUID")));
    }

    @Test
    void aValueOrRowTheDatabaseRefusesIsTheEventsFault() {
        // 22001 string_data_right_truncation, 23505 unique_violation, 23502 not_null_violation: the same each time
        assertEquals(Kind.EVENT, FailureClassifier.classify(new DataException("could not execute statement", sql("22001"))));
        assertEquals(Kind.EVENT, FailureClassifier.classify(
                new ConstraintViolationException("duplicate", sql("23505"), "uk_directory_user")));
        assertEquals(Kind.EVENT, FailureClassifier.classify(new RuntimeException(sql("23502"))));
        assertEquals(Kind.EVENT, FailureClassifier.classify(sql(null)));
    }

    @Test
    void aFailedCommitWhoseDriverErrorIsNotAboutTheConnectionIsTheEventsFault() {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new DataException("value too long", sql("22001")));
        assertEquals(Kind.EVENT, FailureClassifier.classify(new IllegalStateException(rollback)));
    }

    // ---- the handler says "never": at once

    @Test
    void anUnprocessableEventIsUnprocessableAlsoWhenWrapped() {
        assertEquals(Kind.UNPROCESSABLE, FailureClassifier.classify(new UnprocessableEventException("unknown type")));
        assertEquals(Kind.UNPROCESSABLE, FailureClassifier.classify(
                new RuntimeException(new UnprocessableEventException("bad data", new NumberFormatException()))));
    }

    // ---- our database away or busy: retried without limit, never dead-lettered

    @Test
    void connectionFailuresOfSqlStateClass08AreTheServicesFault() {
        for (String state : new String[] {"08000", "08001", "08003", "08004", "08006", "08P01"}) {
            assertEquals(Kind.SERVICE, FailureClassifier.classify(sql(state)), state);
        }
        // the shape ProcessedEvents gives a connection the server dropped
        assertEquals(Kind.SERVICE, FailureClassifier.classify(new IllegalStateException("cannot record processed event",
                new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE))));
    }

    @Test
    void theServerShuttingDownStartingUpOrOutOfResourcesIsTheServicesFault() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "53100", "53200", "53300"}) {
            assertEquals(Kind.SERVICE, FailureClassifier.classify(new RuntimeException(sql(state))), state);
        }
    }

    @Test
    void jdbcConnectionExceptionTypesWithoutASqlStateAreTheServicesFault() {
        assertEquals(Kind.SERVICE, FailureClassifier.classify(new RuntimeException(
                new SQLTransientConnectionException("connection is not available, request timed out"))));
        assertEquals(Kind.SERVICE, FailureClassifier.classify(new SQLNonTransientConnectionException("closed")));
    }

    @Test
    void agroalsAcquisitionTimeoutsAreTheServicesFault() {
        // both of Agroal's messages, neither with an SQLState (the second seen under load in bench/faults)
        assertEquals(Kind.SERVICE, FailureClassifier.classify(new RuntimeException(
                new SQLException("Sorry, acquisition timeout!"))));
        assertEquals(Kind.SERVICE, FailureClassifier.classify(new RuntimeException(
                new SQLException("Acquisition timeout while waiting for new connection",
                        new java.util.concurrent.TimeoutException()))));
    }

    @Test
    void hibernatesJdbcConnectionExceptionIsTheServicesFault() {
        assertEquals(Kind.SERVICE, FailureClassifier.classify(new RuntimeException(
                new JDBCConnectionException("Unable to acquire JDBC Connection", new SQLException("no state")))));
    }

    @Test
    void aCommitThatFailedBecausePostgresShutDown_theDriverErrorSuppressedUnderNarayanasRollback_isTheServicesFault() {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        assertEquals(Kind.SERVICE, FailureClassifier.classify(new IllegalStateException("commit failed", rollback)));
    }

    @Test
    void contentionIsTheServicesFault_lockTimeoutSerializationFailureDeadlockOptimisticLock() {
        for (String state : new String[] {"40001", "40P01", "55P03"}) {
            assertEquals(Kind.SERVICE, FailureClassifier.classify(new RuntimeException(sql(state))), state);
        }
        assertEquals(Kind.SERVICE, FailureClassifier.classify(new jakarta.persistence.OptimisticLockException("stale")));
        assertEquals(Kind.SERVICE, FailureClassifier.classify(new org.hibernate.StaleObjectStateException("Entry", 1)));
    }

    @Test
    void anOutageWinsOverAnUnprocessableWrapper_soAnOutageNeverDeadLettersGoodEvents() {
        assertEquals(Kind.SERVICE, FailureClassifier.classify(
                new UnprocessableEventException("could not read", new RuntimeException(sql("08006")))));
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertEquals(Kind.EVENT, FailureClassifier.classify(a));
        assertEquals("RuntimeException: a (caused by RuntimeException: b)", FailureClassifier.describe(a));
    }

    // ---- the reason in the dead-letter header

    @Test
    void theReasonNamesTheOutermostFailureAndTheDatabaseErrorWithItsSqlState() {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new DataException("could not execute statement",
                new SQLException("ERROR: value too long for type character varying(8)", "22001")));
        String reason = FailureClassifier.describe(rollback);
        assertEquals("RollbackException: ARJUNA016053: Could not commit transaction. (caused by SQLException "
                + "[SQLState 22001]: ERROR: value too long for type character varying(8))", reason);
        assertEquals("IllegalStateException: boom (caused by NumberFormatException: x)",
                FailureClassifier.describe(new IllegalStateException("boom", new NumberFormatException("x"))));
        assertEquals("NullPointerException", FailureClassifier.describe(new NullPointerException()));
    }

    @Test
    void anUnprocessableEventsReasonIsTheHandlersOwnWords_orItsDescriptionWhenItGaveNone() {
        assertEquals("unsupported event type x.v2", FailureClassifier.unprocessableReason(
                new RuntimeException(new UnprocessableEventException("unsupported event type x.v2"))));
        assertEquals("UnprocessableEventException (caused by NumberFormatException: For input string: \"x\")",
                FailureClassifier.unprocessableReason(new UnprocessableEventException(null,
                        new NumberFormatException("For input string: \"x\""))));
        assertEquals(null, FailureClassifier.unprocessableReason(new IllegalStateException("no")));
    }

    @Test
    void theReasonIsOneShortLine() {
        String reason = FailureClassifier.describe(new IllegalStateException("line one\nline two " + "x".repeat(5000)));
        assertTrue(reason.length() <= 1000 && !reason.contains("\n"), reason);
    }
}

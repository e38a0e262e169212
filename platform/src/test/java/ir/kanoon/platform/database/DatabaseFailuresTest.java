package ir.kanoon.platform.database;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailuresTest {

    @Test
    void aShutdownAttachedAsSuppressedToACommitFailure_isUnavailable() {
        // Narayana's RollbackException carries the driver's 57P01 as suppressed, not as its cause (bench/faults)
        Exception commit = new IllegalStateException("Could not commit transaction");
        commit.addSuppressed(new SQLException("terminating connection due to administrator command", "57P01"));
        assertTrue(DatabaseFailures.isUnavailable(new RuntimeException(commit)));
    }

    @Test
    void connectionAndResourceStatesAndTypes_areUnavailable_aRefusedValueIsNot() {
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("connection failure", "08006")));
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("disk full", "53100")));
        assertTrue(DatabaseFailures.isUnavailable(new SQLTransientConnectionException("gone")));
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("Sorry, acquisition timeout!")));
        assertFalse(DatabaseFailures.isUnavailable(new SQLException("value too long", "22001")));
        assertFalse(DatabaseFailures.isUnavailable(new IllegalArgumentException("bad")));
    }

    @Test
    void aLoopingCauseChainIsWalkedOnce() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        assertEquals(2, DatabaseFailures.chain(a).size());
        assertFalse(DatabaseFailures.isUnavailable(a));
    }
}

package ir.kanoon.platform.rolesync;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.platform.testing.KafkaTestResource;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.PostgresTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generic Keycloak role sync against real PostgreSQL and an in-test Keycloak stand-in: outages (503, a
 * Keycloak that hangs) are retried until Keycloak is back, no transaction or row lock is held while Keycloak
 * is called, a newer desired state is never overwritten by an older push, and the staff scope
 * {@code province} is never written (conventions, Security).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RoleSyncTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(500);

    @Inject
    RoleSync roleSync;

    @Inject
    RoleSyncJob job;

    @Inject
    AgroalDataSource dataSource;

    FakeKeycloak keycloak;
    KeycloakRoleDirectory directory;

    @BeforeEach
    void start() throws Exception {
        keycloak = new FakeKeycloak();
        directory = new KeycloakRoleDirectory(keycloak.url(), "kanoon", "svc", "secret", Duration.ofSeconds(1),
                READ_TIMEOUT);
        sql("UPDATE role_sync SET synced = true"); // rows of other tests are not this test's business
    }

    @AfterEach
    void stop() {
        keycloak.close();
    }

    @Test
    void keycloakOutage_503ThenHangingThenBack_userEndsWithMemberRoleAndMemberProvince_staffProvinceUntouched()
            throws Exception {
        String user = newUser(Map.of("province", List.of("IR-07"))); // Tehran staff who became a member in Isfahan
        desire(user, "member", true, "IR-04", Instant.now());

        keycloak.mode = FakeKeycloak.Mode.UNAVAILABLE;
        assertEquals(1, job.runOnce(directory));
        Row afterOutage = row(user, "member");
        assertFalse(afterOutage.synced);
        assertEquals(1, afterOutage.attempts);
        assertTrue(afterOutage.lastError.contains("503"), afterOutage.lastError);
        assertTrue(afterOutage.nextAttemptAt.isAfter(Instant.now()), "backs off");
        assertEquals(0, job.runOnce(directory), "not due again before its backoff");

        makeDue(user);
        keycloak.mode = FakeKeycloak.Mode.HANGING;
        AtomicReference<String> lockDuringCall = new AtomicReference<>("not called");
        keycloak.duringUserRead = () -> lockDuringCall.set(tryLockNoWait(user));
        long started = System.nanoTime();
        assertEquals(1, job.runOnce(directory));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofMillis(2500)) < 0, "the read timeout cut the hanging call: " + took);
        assertEquals("locked by us", lockDuringCall.get(), "no transaction holds the row while Keycloak is called");
        Row afterHang = row(user, "member");
        assertFalse(afterHang.synced);
        assertEquals(2, afterHang.attempts);
        assertTrue(keycloak.roles.get(user).isEmpty());

        makeDue(user);
        keycloak.mode = FakeKeycloak.Mode.UP;
        keycloak.duringUserRead = () -> { };
        assertEquals(1, job.runOnce(directory));
        Row done = row(user, "member");
        assertTrue(done.synced);
        assertEquals(0, done.attempts);
        assertNull(done.lastError);
        assertEquals(Set.of("member"), keycloak.roles.get(user));
        assertEquals("IR-04", keycloak.attribute(user, "member_province"));
        assertEquals("IR-07", keycloak.attribute(user, "province"), "the staff scope is never written");
    }

    @Test
    void aRevocationRecordedWhileTheGrantIsBeingPushed_isNotMarkedDone_andEndsRevoked() throws Exception {
        String user = newUser(Map.of());
        Instant granted = Instant.now();
        desire(user, "member", true, "IR-04", granted);
        keycloak.duringUserRead = () -> {
            keycloak.duringUserRead = () -> { };
            // The membership is suspended while the sync is pushing the grant.
            desire(user, "member", false, "IR-04", granted.plusSeconds(1));
        };
        assertEquals(1, job.runOnce(directory));
        assertEquals(Set.of("member"), keycloak.roles.get(user), "the older push went through");
        Row pending = row(user, "member");
        assertFalse(pending.synced, "the newer state is still to be pushed");
        assertFalse(pending.granted);

        assertEquals(1, job.runOnce(directory));
        assertTrue(keycloak.roles.get(user).isEmpty(), "no member is left with a role they lost");
        assertTrue(row(user, "member").synced);
    }

    @Test
    void aLateOlderStateNeverUndoesANewerOne() throws Exception {
        String user = newUser(Map.of());
        Instant now = Instant.now();
        desire(user, "member", false, "IR-04", now);
        desire(user, "member", true, "IR-04", now.minusSeconds(60)); // redelivered old admission
        assertFalse(row(user, "member").granted);
    }

    @Test
    void aUserDeletedFromKeycloakIsDoneNotRetriedForever() throws Exception {
        String user = "gone-" + UUID.randomUUID();
        desire(user, "member", true, "IR-04", Instant.now());
        assertEquals(1, job.runOnce(directory));
        assertTrue(row(user, "member").synced);
    }

    @Test
    void theStaffScopeAttributeProvinceIsNeverWritten() {
        String user = "staff-" + UUID.randomUUID();
        assertThrows(IllegalArgumentException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                roleSync.desire(user, "member", true, "IR-04", "province", Instant.now())));
        assertThrows(IllegalArgumentException.class, () ->
                directory.apply(new DesiredRole(user, "member", true, "IR-04", "province", 1)));
        assertTrue(keycloak.calls.isEmpty(), "nothing was sent to Keycloak");
    }

    @Test
    void theJobRefusesToCallKeycloakInsideATransaction() {
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                job.runOnce(directory)));
    }

    // ------------------------------------------------------------------------------------------ helpers

    record Row(boolean granted, boolean synced, int attempts, String lastError, Instant nextAttemptAt) {
    }

    private String newUser(Map<String, List<String>> attributes) {
        String user = UUID.randomUUID().toString();
        keycloak.addUser(user, attributes);
        return user;
    }

    private void desire(String user, String role, boolean granted, String province, Instant asOf) {
        QuarkusTransaction.requiringNew().run(() -> roleSync.desire(user, role, granted, province, asOf));
    }

    private Row row(String user, String role) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT granted, synced, attempts, last_error, next_attempt_at FROM role_sync WHERE user_subject = ? AND role = ?")) {
            ps.setString(1, user);
            ps.setString(2, role);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "row of " + user);
                return new Row(rs.getBoolean(1), rs.getBoolean(2), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant());
            }
        }
    }

    private void makeDue(String user) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE role_sync SET next_attempt_at = now() WHERE user_subject = ?")) {
            ps.setString(1, user);
            ps.executeUpdate();
        }
    }

    /** From another connection, while Keycloak is being called: can the row be locked at once? */
    private String tryLockNoWait(String user) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM role_sync WHERE user_subject = ? FOR UPDATE NOWAIT")) {
                ps.setString(1, user);
                ps.executeQuery().close();
                return "locked by us";
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            return "already locked: " + e.getMessage();
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            ps.executeUpdate();
        }
    }
}

package ir.kanoon.platform.rolesync;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;

/**
 * Pushes due {@code role_sync} rows to Keycloak in three steps, so that no database transaction and no row
 * lock is held while a remote system is called:
 * <ol>
 *   <li>a short transaction takes due rows ({@code FOR UPDATE SKIP LOCKED}, so replicas share the work) and
 *       leases them (pushes {@code next_attempt_at} by {@code lease}), then commits;</li>
 *   <li>each row is applied to Keycloak with no transaction open (connect/read timeouts bound each call);</li>
 *   <li>another short transaction records success, or the failure and the next attempt (exponential backoff
 *       up to {@code max-backoff}) — only if the row's {@code seq} is still the one pushed, so a newer
 *       desired state recorded meanwhile is never marked done by an older push.</li>
 * </ol>
 */
@ApplicationScoped
public class RoleSyncJob {

    private static final Logger LOG = Logger.getLogger(RoleSyncJob.class);

    @Inject
    RoleSyncConfig config;

    @Inject
    AgroalDataSource dataSource;

    private volatile RoleDirectory keycloak;

    @Scheduled(identity = "kanoon-role-sync", every = "${kanoon.role-sync.interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void tick() {
        runOnce(keycloak());
    }

    /** One batch against {@code directory}; returns how many rows were attempted. */
    public int runOnce(RoleDirectory directory) {
        if (QuarkusTransaction.isActive()) {
            throw new IllegalStateException("the role sync calls Keycloak and must not run inside a transaction");
        }
        List<DesiredRole> due = QuarkusTransaction.requiringNew().call(this::takeDue);
        for (DesiredRole desired : due) {
            try {
                if (!directory.apply(desired)) {
                    LOG.warnf("Keycloak user %s does not exist; role %s not synced", desired.userId(), desired.role());
                }
                QuarkusTransaction.requiringNew().run(() -> succeeded(desired));
            } catch (RuntimeException e) {
                QuarkusTransaction.requiringNew().run(() -> failed(desired, e));
            }
        }
        return due.size();
    }

    private List<DesiredRole> takeDue() {
        List<DesiredRole> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT user_subject, role, granted, scope_province, scope_attribute, seq FROM role_sync
                    WHERE NOT synced AND next_attempt_at <= now()
                    ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED""")) {
                ps.setInt(1, config.batchSize());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new DesiredRole(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                                rs.getString(5), rs.getLong(6)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE role_sync SET next_attempt_at = ? WHERE user_subject = ? AND role = ?")) {
                Timestamp leasedUntil = Timestamp.from(Instant.now().plus(config.lease()));
                for (DesiredRole d : due) {
                    ps.setTimestamp(1, leasedUntil);
                    ps.setString(2, d.userId());
                    ps.setString(3, d.role());
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read due role changes", e);
        }
        return due;
    }

    private void succeeded(DesiredRole d) {
        update("""
                UPDATE role_sync SET synced = true, attempts = 0, last_error = NULL, synced_at = now()
                WHERE user_subject = ? AND role = ? AND seq = ?""", d);
    }

    private void failed(DesiredRole d, RuntimeException e) {
        // Only the row as pushed (same seq): a newer desired state recorded meanwhile is due now anyway.
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE role_sync SET attempts = attempts + 1, last_error = ?,
                    next_attempt_at = now() + least(interval '1 second' * power(2, least(attempts, 20)), ?::interval)
                WHERE user_subject = ? AND role = ? AND seq = ? RETURNING attempts""")) {
            ps.setString(1, String.valueOf(e.getMessage()));
            ps.setString(2, config.maxBackoff().toSeconds() + " seconds");
            ps.setString(3, d.userId());
            ps.setString(4, d.role());
            ps.setLong(5, d.seq());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    LOG.warnf("Keycloak role sync of %s for %s failed (attempt %d), retrying: %s", d.role(), d.userId(),
                            rs.getInt(1), e.getMessage());
                }
            }
        } catch (SQLException sql) {
            throw new IllegalStateException("could not record a failed role sync", sql);
        }
    }

    private void update(String sql, DesiredRole d) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, d.userId());
            ps.setString(2, d.role());
            ps.setLong(3, d.seq());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record a role sync", e);
        }
    }

    private RoleDirectory keycloak() {
        if (keycloak == null) {
            synchronized (this) {
                if (keycloak == null) {
                    keycloak = KeycloakRoleDirectory.of(config);
                }
            }
        }
        return keycloak;
    }

    /** The job runs only where {@code kanoon.role-sync.enabled=true}. */
    @Singleton
    public static class Disabled implements Scheduled.SkipPredicate {
        @Inject
        RoleSyncConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.enabled();
        }
    }
}

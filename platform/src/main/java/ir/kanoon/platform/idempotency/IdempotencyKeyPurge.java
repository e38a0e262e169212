package ir.kanoon.platform.idempotency;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Forgets Idempotency-Keys older than {@code kanoon.idempotency.retention}: a retry that late is a new request. */
@ApplicationScoped
public class IdempotencyKeyPurge {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IdempotencyConfig config;

    @Scheduled(every = "${kanoon.idempotency.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() throws SQLException {
        purgeExpired();
    }

    /** Deletes the keys older than {@code kanoon.idempotency.retention}; returns how many. */
    public int purgeExpired() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => ?)")) {
            ps.setDouble(1, config.retention().toSeconds());
            return ps.executeUpdate();
        }
    }
}

package ir.kanoon.platform.idempotency;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/** Forgets Idempotency-Keys older than {@code kanoon.idempotency.retention}: a retry that late is a new request. */
@ApplicationScoped
public class IdempotencyKeyPurge {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kanoon.idempotency.retention", defaultValue = "24h")
    Duration retention;

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => ?)")) {
            ps.setDouble(1, retention.toSeconds());
            ps.executeUpdate();
        }
    }
}

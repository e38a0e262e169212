package ir.kanoon.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Runs this instance's {@link OutboxRelay} and reports its lag: metrics
 * {@code kanoon_outbox_pending_events}, {@code kanoon_outbox_oldest_pending_seconds} and the
 * {@code kanoon_outbox_publish_lag_seconds} histogram (row written → Kafka ack), and health check
 * {@code outbox}.
 */
@ApplicationScoped
public class OutboxRelayService {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kanoon.outbox.relay.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> jdbcUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> jdbcPassword;

    @ConfigProperty(name = "kanoon.outbox.relay.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "kanoon.outbox.relay.poll-interval", defaultValue = "1s")
    Duration pollInterval;

    @ConfigProperty(name = "kanoon.outbox.relay.max-backoff", defaultValue = "10s")
    Duration maxBackoff;

    @ConfigProperty(name = "kanoon.outbox.relay.send-timeout", defaultValue = "10s")
    Duration sendTimeout;

    private OutboxRelay relay;
    private volatile Snapshot snapshot = new Snapshot(0, 0, 0);

    /** Pending rows and the age of the oldest, cached for a second so scrapes do not hammer the database. */
    public record Snapshot(long pending, double oldestSeconds, long takenAt) {
    }

    void start(@Observes StartupEvent event) {
        Timer lag = Timer.builder("kanoon.outbox.publish.lag")
                .description("Time from outbox write to Kafka acknowledgement")
                .publishPercentileHistogram()
                .register(registry);
        Gauge.builder("kanoon.outbox.pending.events", this, s -> s.lag().pending())
                .description("Outbox rows not yet published").register(registry);
        Gauge.builder("kanoon.outbox.oldest.pending.seconds", this, s -> s.lag().oldestSeconds())
                .description("Age of the oldest unpublished outbox row").register(registry);
        if (!enabled) {
            return;
        }
        relay = new OutboxRelay(dataSource, settings(Map.of()), lag::record);
        relay.start("outbox-relay");
    }

    void stop(@Observes ShutdownEvent event) {
        if (relay != null) {
            relay.stop();
        }
    }

    /** Settings of this service's relay; tests build extra relays on the same table with them. */
    public OutboxRelay.Settings settings(Map<String, Object> extraProducerConfig) {
        return new OutboxRelay.Settings(bootstrapServers, jdbcUrl.orElse(null), jdbcUser.orElse(null),
                jdbcPassword.orElse(null), batchSize, pollInterval, maxBackoff, sendTimeout, extraProducerConfig);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isRunning() {
        return relay != null && relay.isRunning();
    }

    public String lastError() {
        return relay == null ? null : relay.lastError();
    }

    public Snapshot lag() {
        Snapshot s = snapshot;
        if (System.currentTimeMillis() - s.takenAt() < 1000) {
            return s;
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT count(*), coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0) FROM outbox_event")) {
            rs.next();
            s = new Snapshot(rs.getLong(1), rs.getDouble(2), System.currentTimeMillis());
            snapshot = s;
        } catch (SQLException e) {
            // keep the last known values; the datasource health check reports the database itself
        }
        return s;
    }
}

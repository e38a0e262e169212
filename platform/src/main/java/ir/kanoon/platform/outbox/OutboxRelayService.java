package ir.kanoon.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs this instance's {@link OutboxRelay} and reports its state: metrics
 * {@code kanoon_outbox_pending_events}, {@code kanoon_outbox_oldest_pending_seconds},
 * {@code kanoon_outbox_parked_events}, {@code kanoon_outbox_blocked_events} and the
 * {@code kanoon_outbox_publish_lag_seconds} histogram (row written → Kafka commit), and the liveness
 * check {@code outbox} ({@link OutboxHealthCheck}).
 */
@ApplicationScoped
public class OutboxRelayService {

    /** Pending rows held behind a parked row of the same aggregate. */
    static final String BLOCKED = """
            o.status = 'PENDING' AND EXISTS (SELECT 1 FROM outbox_event p WHERE p.status = 'PARKED'
                AND p.topic = o.topic AND p.aggregate_id = o.aggregate_id AND p.seq < o.seq)""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    OutboxSettings settings;

    @ConfigProperty(name = "kanoon.service")
    Optional<String> service;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> jdbcUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> jdbcPassword;

    private OutboxRelay relay;
    private ScheduledExecutorService refresher;
    private volatile Snapshot snapshot = new Snapshot(0, 0, 0, 0, 0);
    /**
     * Meters this instance registered, removed again on shutdown: a registry that outlives the application
     * (dev-mode reload, a test JVM starting several applications) would otherwise keep the first gauge, bound
     * to a stopped instance, and {@code register} would hand that one back instead of binding this one.
     */
    private final List<Meter> meters = new ArrayList<>();

    /**
     * Pending rows (including blocked ones), parked rows, pending rows blocked behind a parked one, the age
     * of the oldest pending row, and when this was read ({@code takenAt}, epoch ms). Refreshed every second
     * by a background thread: health probes and scrapes read the cached value and never wait for the
     * database (a liveness probe must not time out because PostgreSQL is slow or away).
     */
    public record Snapshot(long pending, long parked, long blocked, double oldestSeconds, long takenAt) {
    }

    void start(@Observes StartupEvent event) {
        removeMeters(); // a stale registration of the same name would be handed back instead of ours
        Timer lag = Timer.builder("kanoon.outbox.publish.lag")
                .description("Time from outbox write to Kafka commit")
                .publishPercentileHistogram()
                .register(registry);
        meters.add(lag);
        meters.add(Gauge.builder("kanoon.outbox.pending.events", this, s -> s.lag().pending())
                .description("Outbox rows not yet published").register(registry));
        meters.add(Gauge.builder("kanoon.outbox.oldest.pending.seconds", this, s -> s.lag().oldestSeconds())
                .description("Age of the oldest unpublished outbox row").register(registry));
        meters.add(Gauge.builder("kanoon.outbox.parked.events", this, s -> s.lag().parked())
                .description("Outbox rows Kafka refused for good, waiting for an operator").register(registry));
        meters.add(Gauge.builder("kanoon.outbox.blocked.events", this, s -> s.lag().blocked())
                .description("Outbox rows held behind a parked row of the same aggregate").register(registry));
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-lag");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, 1, TimeUnit.SECONDS);
        if (!settings.relay().enabled()) {
            return;
        }
        relay = new OutboxRelay(dataSource, settings(Map.of()), lag::record);
        relay.onBatch(batchMeters());
        relay.start("outbox-relay");
    }

    /**
     * {@code kanoon.outbox.relay.phase} (tag {@code phase}: select, send, kafka-commit, db-commit; see
     * {@link OutboxRelay.BatchTimings}), {@code kanoon.outbox.relay.batch.events} and
     * {@code kanoon.outbox.relay.wait} (oldest row's time in the table before its batch picked it up): where the
     * commit → Kafka latency goes, per batch.
     */
    private java.util.function.Consumer<OutboxRelay.BatchTimings> batchMeters() {
        Timer select = phaseTimer("select");
        Timer send = phaseTimer("send");
        Timer kafkaCommit = phaseTimer("kafka-commit");
        Timer dbCommit = phaseTimer("db-commit");
        Timer wait = Timer.builder("kanoon.outbox.relay.wait")
                .description("Time the oldest row of a batch waited in the table before the relay selected it")
                .publishPercentiles(0.5, 0.9, 0.99).publishPercentileHistogram().register(registry);
        io.micrometer.core.instrument.DistributionSummary events = io.micrometer.core.instrument.DistributionSummary
                .builder("kanoon.outbox.relay.batch.events").description("Events per published relay batch")
                .publishPercentiles(0.5, 0.9, 0.99).register(registry);
        meters.add(wait);
        meters.add(events);
        return t -> {
            select.record(t.selectNanos(), TimeUnit.NANOSECONDS);
            send.record(t.sendNanos(), TimeUnit.NANOSECONDS);
            kafkaCommit.record(t.kafkaCommitNanos(), TimeUnit.NANOSECONDS);
            dbCommit.record(t.dbCommitNanos(), TimeUnit.NANOSECONDS);
            wait.record(t.oldestWaitMillis(), TimeUnit.MILLISECONDS);
            events.record(t.events());
        };
    }

    private Timer phaseTimer(String phase) {
        Timer t = Timer.builder("kanoon.outbox.relay.phase").tag("phase", phase)
                .description("Time a published relay batch spent in one phase")
                .publishPercentiles(0.5, 0.9, 0.99).publishPercentileHistogram().register(registry);
        meters.add(t);
        return t;
    }

    void stop(@Observes ShutdownEvent event) {
        removeMeters();
        if (refresher != null) {
            refresher.shutdownNow();
        }
        if (relay != null) {
            relay.stop();
        }
    }

    private void removeMeters() {
        for (Meter m : meters) {
            registry.remove(m);
        }
        meters.clear();
        for (String name : List.of("kanoon.outbox.publish.lag", "kanoon.outbox.relay.phase", "kanoon.outbox.relay.wait",
                "kanoon.outbox.relay.batch.events", "kanoon.outbox.pending.events",
                "kanoon.outbox.oldest.pending.seconds", "kanoon.outbox.parked.events", "kanoon.outbox.blocked.events")) {
            registry.find(name).meters().forEach(registry::remove);
        }
    }

    /** Settings of this service's relay; tests build extra relays on the same table with them. */
    public OutboxRelay.Settings settings(Map<String, Object> extraProducerConfig) {
        OutboxSettings.Relay r = settings.relay();
        String transactionalId = r.transactionalId().orElse("kanoon-outbox-" + service.orElse("service"));
        return new OutboxRelay.Settings(bootstrapServers, jdbcUrl.orElse(null), jdbcUser.orElse(null),
                jdbcPassword.orElse(null), r.batchSize(), r.pollInterval(), r.maxBackoff(), r.sendTimeout(),
                transactionalId, extraProducerConfig);
    }

    public boolean isEnabled() {
        return settings.relay().enabled();
    }

    public boolean isRunning() {
        return relay != null && relay.isRunning();
    }

    public String lastError() {
        return relay == null ? null : relay.lastError();
    }

    /**
     * Puts a parked event back in line (after the cause was fixed, e.g. the topic's ACL or size limit);
     * the relay then publishes it and the events of its aggregate held behind it, in order. Returns false
     * when no parked row has that id. Same as
     * {@code UPDATE outbox_event SET status='PENDING', parked_reason=NULL, parked_at=NULL WHERE id=?}.
     */
    public boolean requeue(UUID eventId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox_event SET status = 'PENDING', parked_reason = NULL, parked_at = NULL "
                        + "WHERE id = ? AND status = 'PARKED'")) {
            ps.setObject(1, eventId);
            boolean updated = ps.executeUpdate() == 1;
            if (updated) {
                c.createStatement().execute("NOTIFY " + OutboxRelay.CHANNEL);
            }
            return updated;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot re-queue outbox event " + eventId, e);
        }
    }

    /** The last snapshot (at most about a second old while the database answers); never blocks. */
    public Snapshot lag() {
        return snapshot;
    }

    private void refresh() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(5);
            try (ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE o.status = 'PENDING'), "
                    + "count(*) FILTER (WHERE o.status = 'PARKED'), "
                    + "count(*) FILTER (WHERE " + BLOCKED + "), "
                    + "coalesce(extract(epoch FROM clock_timestamp() - min(o.created_at) FILTER (WHERE o.status = 'PENDING')), 0) "
                    + "FROM outbox_event o")) {
                rs.next();
                snapshot = new Snapshot(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4), System.currentTimeMillis());
            }
        } catch (SQLException | RuntimeException e) {
            // keep the last known values (takenAt shows their age); the datasource check reports the database
        }
    }
}

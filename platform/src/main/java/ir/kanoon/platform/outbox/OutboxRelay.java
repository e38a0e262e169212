package ir.kanoon.platform.outbox;

import ir.kanoon.platform.events.CloudEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Publishes outbox rows to Kafka. Design (see platform/README.md):
 * <ul>
 * <li>Woken by PostgreSQL {@code LISTEN kanoon_outbox} (sent on commit by a trigger), with a poll as a
 *     safety net, so a committed event leaves within milliseconds.</li>
 * <li>One batch = one database transaction: take the transaction-scoped advisory lock (only one relay
 *     of a service publishes at a time, so per-aggregate order holds across instances), read the oldest
 *     rows {@code FOR UPDATE SKIP LOCKED}, send them keyed by aggregate id, wait for every ack
 *     ({@code acks=all}, idempotent producer), delete them, commit.</li>
 * <li>Any failure rolls the batch back: the rows stay and are sent again after a backoff. Delivery is
 *     at-least-once; nothing is dropped while Kafka is down.</li>
 * </ul>
 */
public class OutboxRelay implements Runnable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final String CHANNEL = "kanoon_outbox";
    /** Arbitrary constant shared by all relays of one database: the advisory lock's key. */
    static final long LOCK_KEY = 0x6B616E6F6F6EL; // "kanoon"

    /** Settings; durations are the ones that matter during a Kafka outage. */
    public record Settings(String bootstrapServers, String jdbcUrl, String jdbcUser, String jdbcPassword,
                           int batchSize, Duration pollInterval, Duration maxBackoff, Duration sendTimeout,
                           Map<String, Object> extraProducerConfig) {
    }

    private final DataSource dataSource;
    private final Settings settings;
    private final Consumer<Duration> publishedLag;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile String lastError;
    private Producer<String, String> producer;
    private Connection listener;

    /**
     * @param publishedLag told, for every published row, how long it waited since it was written
     */
    public OutboxRelay(DataSource dataSource, Settings settings, Consumer<Duration> publishedLag) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.publishedLag = publishedLag;
    }

    public synchronized void start(String name) {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        Thread t = thread;
        return running && t != null && t.isAlive();
    }

    public String lastError() {
        return lastError;
    }

    @Override
    public void run() {
        long backoff = 100;
        while (running) {
            try {
                listen();
                int published;
                do {
                    published = publishBatch();
                } while (running && published == settings.batchSize());
                backoff = 100;
                lastError = null;
                awaitWork();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.warnf("Outbox relay: publishing failed (%s); retrying in %d ms", lastError, backoff);
                closeProducer(); // a fresh producer after a failure: no half-known in-flight state
                sleep(backoff);
                backoff = Math.min(backoff * 2, settings.maxBackoff().toMillis());
            }
        }
        closeProducer();
        closeListener();
    }

    /**
     * Publishes one batch in one transaction. Returns how many rows were published; 0 when there was
     * nothing to do or another relay holds the lock.
     */
    int publishBatch() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int n = publishBatch(c);
                c.commit();
                return n;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    private int publishBatch(Connection c) throws Exception {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0; // another instance is publishing; it will drain what we were woken for
                }
            }
        }
        List<Long> seqs = new ArrayList<>();
        List<Timestamp> createdAt = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        Producer<String, String> p = producer();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT seq, topic, aggregate_id, payload, created_at FROM outbox_event ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED")) {
            select.setInt(1, settings.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                    createdAt.add(rs.getTimestamp(5));
                    ProducerRecord<String, String> record = new ProducerRecord<>(rs.getString(2), rs.getString(3), rs.getString(4));
                    record.headers().add(new RecordHeader("content-type",
                            CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
                    acks.add(p.send(record));
                }
            }
        }
        if (seqs.isEmpty()) {
            return 0;
        }
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM outbox_event WHERE seq = ANY (?)")) {
            Array array = c.createArrayOf("bigint", seqs.toArray());
            delete.setArray(1, array);
            delete.executeUpdate();
        }
        long now = System.currentTimeMillis();
        for (Timestamp t : createdAt) {
            publishedLag.accept(Duration.ofMillis(Math.max(0, now - t.getTime())));
        }
        return seqs.size();
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5); // ordered with idempotence
            config.put(ProducerConfig.LINGER_MS_CONFIG, 0); // latency first: a batch is already a batch
            config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            long timeout = settings.sendTimeout().toMillis();
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout, Integer.MAX_VALUE));
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.min(timeout, Integer.MAX_VALUE));
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + Thread.currentThread().getName());
            config.putAll(settings.extraProducerConfig());
            producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private void listen() {
        if (listener != null) {
            return;
        }
        try {
            Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + CHANNEL);
            }
            listener = c;
        } catch (SQLException e) {
            // Not fatal: without notifications the relay still polls every pollInterval.
            LOG.warnf("Outbox relay: cannot LISTEN (%s); polling every %s", e.getMessage(), settings.pollInterval());
        }
    }

    /** Blocks until a commit notifies us or the poll interval passes. */
    private void awaitWork() throws InterruptedException {
        long timeout = settings.pollInterval().toMillis();
        if (listener == null) {
            Thread.sleep(timeout);
            return;
        }
        try {
            listener.unwrap(PGConnection.class).getNotifications((int) timeout);
        } catch (SQLException e) {
            LOG.warnf("Outbox relay: lost the LISTEN connection (%s); reconnecting", e.getMessage());
            closeListener();
            Thread.sleep(Math.min(timeout, 1000));
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(1));
            } catch (RuntimeException ignored) {
                // closing after a failure: nothing left to save
            }
            producer = null;
        }
    }

    private void closeListener() {
        if (listener != null) {
            try {
                listener.close();
            } catch (SQLException ignored) {
                // already broken
            }
            listener = null;
        }
    }
}

package ir.kanoon.platform.outbox;

import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.events.CloudEvents;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Publishes outbox rows to Kafka. Design (see platform/README.md, "Outbox design"):
 * <ul>
 * <li>Woken by PostgreSQL {@code LISTEN kanoon_outbox} (sent on commit by a trigger), with a poll as a
 *     safety net, so a committed event leaves within milliseconds.</li>
 * <li>One batch = one database transaction and one Kafka transaction: take the transaction-scoped
 *     advisory lock (one relay of a service publishes at a time), read the oldest PENDING rows not held
 *     behind a PARKED row of their aggregate, {@code beginTransaction}, send them keyed by aggregate id,
 *     {@code commitTransaction}, and only then delete the rows and commit the database. A reader with
 *     {@code isolation.level=read_committed} sees each event once: a batch that failed is aborted (or
 *     fenced by the next producer with the same {@code transactional.id}) before its rows are sent again.</li>
 * <li>The duplicate window — the Kafka transaction committed, the database commit did not (PostgreSQL
 *     restarted, the connection was killed, the process died) — is closed in two ways, both deleting the
 *     rows instead of sending them again, both before anything else is sent:
 *     <ul>
 *     <li><em>In process</em>: the rows of a batch whose Kafka commit returned are remembered until the
 *         database commit succeeds; if it did not, the next round deletes them (by event id) first.</li>
 *     <li><em>Across processes</em> (a crash, SIGKILL, a shutdown mid-commit, another replica taking over):
 *         every new producer, right after {@code initTransactions} (which completes or aborts whatever the
 *         previous holder of the {@code transactional.id} left open), reads the tail of every partition of
 *         the topics that have pending rows with a {@code read_committed} consumer and deletes the pending
 *         rows whose CloudEvent {@code id} is already there. Why this is exact: every relay of a service
 *         shares one {@code transactional.id}, so a batch can only be committed by the producer that
 *         initialised last, and that producer scanned before its first send; hence a lost batch is the last
 *         transaction written to its partitions, within the last {@code batchSize} records of each (the
 *         window read is twice that, for margin). It matches by event id, never by {@code seq}: it can
 *         only delete an event that is on the topic, never lose one (a database restored or recreated
 *         under a long-lived Kafka reuses {@code seq}s, never UUIDs).</li>
 *     </ul>
 *     Why not a marker committed with the batch ({@code sendOffsetsToTransaction} to a relay-owned group):
 *     it would add two blocking broker round trips ({@code AddOffsetsToTxn}, {@code TxnOffsetCommit}) to
 *     every batch, i.e. to every event's latency; the scan costs nothing on the common path and runs only
 *     when a producer is created. What is left: the scan assumes the relay is the only writer of its topics
 *     (true in Kanoon: each service's {@code kanoon.<service>.events} is written by its relay alone); a
 *     foreign writer putting more than {@code batchSize} records after a lost batch could hide it (a
 *     duplicate, never a loss).</li>
 * <li>A commit that timed out is retried (it may already be completing; aborting or re-sending then
 *     would duplicate). Any other failure aborts; if the abort fails too the producer is closed and a new
 *     one fences the old transaction (and, being new, scans: a commit whose outcome was unknown is found).</li>
 * <li>A record Kafka refuses for good ({@link #isPermanent}) is PARKED with its reason (the first such
 *     record per round); the rest of the batch is sent again, and later rows of that aggregate wait behind
 *     it (counted as blocked).</li>
 * </ul>
 */
public class OutboxRelay implements Runnable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final String CHANNEL = "kanoon_outbox";
    /** Arbitrary constant shared by all relays of one database: the advisory lock's key. */
    static final long LOCK_KEY = 0x6B616E6F6F6EL; // "kanoon"

    /** Rows that may be published now: pending and not behind a parked row of the same aggregate. */
    static final String SELECT_READY = """
            SELECT o.seq, o.id, o.topic, o.aggregate_id, o.payload, o.created_at FROM outbox_event o
            WHERE o.status = 'PENDING'
              AND NOT EXISTS (SELECT 1 FROM outbox_event p WHERE p.status = 'PARKED'
                              AND p.topic = o.topic AND p.aggregate_id = o.aggregate_id AND p.seq < o.seq)
            ORDER BY o.seq LIMIT ? FOR UPDATE OF o SKIP LOCKED""";

    /** Settings; durations are the ones that matter during a Kafka outage. */
    public record Settings(String bootstrapServers, String jdbcUrl, String jdbcUser, String jdbcPassword,
                           int batchSize, Duration pollInterval, Duration maxBackoff, Duration sendTimeout,
                           String transactionalId, Map<String, Object> extraProducerConfig) {
    }

    private record Row(long seq, UUID id, String topic, String aggregateId, String payload, Timestamp createdAt) {
    }

    private record Culprit(Row row, String reason) {
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
     * Event ids of the last batch whose Kafka transaction committed while its database commit is not known to
     * have succeeded (relay thread only). Set right after the Kafka commit, cleared once a database commit
     * succeeds; while set, the next round deletes these rows before anything else.
     */
    private List<UUID> unconfirmed;
    /** The current producer has not yet looked for a batch a previous producer committed and left (relay thread only). */
    private boolean scanNeeded;
    /** This round's transaction deletes what the scan found; {@link #scanNeeded} is cleared when it commits. */
    private boolean scannedThisRound;
    /**
     * This round's transaction deletes the {@link #unconfirmed} rows (or is the batch that set them); they are
     * forgotten only when such a round commits, not when a round that did not get the lock does.
     */
    private boolean settlesUnconfirmed;
    /** This round's phases (see {@link BatchTimings}) once its batch was sent; null otherwise (relay thread only). */
    private long[] timing;
    private long roundStarted;
    private volatile AfterKafkaCommit afterKafkaCommit = c -> { };
    private volatile Consumer<BatchTimings> batchTimings = t -> { };

    /**
     * Where one published batch spent its time (issue 13, figure 7: commit → Kafka p99 < 10 ms), for the
     * {@code kanoon.outbox.relay.phase} timers: {@code select} = connection, advisory lock and the SELECT;
     * {@code send} = beginTransaction and the sends; {@code kafkaCommit} = commitTransaction (acks of the
     * sends, EndTxn); {@code dbCommit} = the DELETE and the database commit. {@code oldestWaitMillis}: how long
     * the batch's oldest row had been in the table when it was selected (wall clock against its created_at).
     */
    public record BatchTimings(int events, long selectNanos, long sendNanos, long kafkaCommitNanos,
                               long dbCommitNanos, long oldestWaitMillis) {
    }

    /** Test seam: runs right after a batch's Kafka commit, before its rows are deleted and the database commits. */
    interface AfterKafkaCommit {
        void run(Connection batchConnection) throws Exception;
    }

    /** Tests only: kill the relay's database connection, or "crash" the relay, inside the duplicate window. */
    void afterKafkaCommit(AfterKafkaCommit hook) {
        this.afterKafkaCommit = hook;
    }

    /**
     * @param publishedLag told, for every published row, how long it waited since it was written
     */
    public OutboxRelay(DataSource dataSource, Settings settings, Consumer<Duration> publishedLag) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.publishedLag = publishedLag;
    }

    /** Told about every batch that was published (not about empty, parked or failed rounds). */
    public void onBatch(Consumer<BatchTimings> listener) {
        this.batchTimings = listener;
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
                while (running && publishBatch() > 0) {
                    // drain: the next batch (or what was left when a row was parked)
                }
                backoff = 100;
                lastError = null;
                awaitWork();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.warnf("Outbox relay: publishing failed (%s); retrying in %d ms", lastError, backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, settings.maxBackoff().toMillis());
            }
        }
        closeProducer();
        closeListener();
    }

    /**
     * Publishes (or parks) one batch. Returns how many rows it published or parked; 0 when there was
     * nothing to do or another relay holds the lock.
     */
    int publishBatch() throws Exception {
        scannedThisRound = false;
        settlesUnconfirmed = false;
        timing = null;
        roundStarted = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int n = publishBatch(c);
                c.commit();
                if (timing != null) {
                    timing[3] = System.nanoTime() - timing[3];
                    batchTimings.accept(new BatchTimings(n, timing[0], timing[1], timing[2], timing[3], timing[4]));
                }
                if (settlesUnconfirmed) {
                    // the database now agrees with Kafka: this round's batch, or the lost one it deleted, is settled
                    unconfirmed = null;
                }
                if (scannedThisRound) {
                    scanNeeded = false;
                }
                return n;
            } catch (Exception e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback); // the connection is gone: PostgreSQL rolled back already
                }
                if (unconfirmed != null) {
                    LOG.warnf("Outbox relay: %d events are on Kafka but their rows could not be deleted (%s); "
                            + "they will be deleted, not sent again", unconfirmed.size(), e.getMessage());
                }
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
        if (unconfirmed != null) {
            // In-process recovery: Kafka committed these rows' batch, the database commit failed. Delete them
            // first and commit that on its own (the caller loops): deleting them in the next batch's
            // transaction could be lost with it, leaving two batches to reconcile.
            int deleted = deletePending(c, unconfirmed);
            settlesUnconfirmed = true;
            LOG.infof("Outbox relay: deleted %d rows of a batch Kafka had committed (not sent again)", deleted);
            return Math.max(1, deleted);
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(SELECT_READY)) {
            select.setInt(1, settings.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getTimestamp(6)));
                }
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        long selected = System.nanoTime();
        long oldestWait = System.currentTimeMillis() - rows.stream().mapToLong(r -> r.createdAt().getTime()).min().orElseThrow();
        Producer<String, String> p = producer();
        if (scanNeeded) {
            // A new producer: a previous one (another process, a crashed instance, this one before a failure)
            // may have committed a batch whose rows are still here. Delete those, commit, then publish.
            long started = System.nanoTime();
            Set<UUID> onTopic = publishedAtTheTail(pendingTopics(c));
            int deleted = deletePending(c, onTopic);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (deleted > 0) {
                LOG.warnf("Outbox relay: deleted %d pending rows already on Kafka (a batch committed there whose "
                        + "database commit was lost); not sent again (scan of %d events took %d ms)",
                        deleted, onTopic.size(), millis);
            } else {
                LOG.infof("Outbox relay: new producer; none of the pending rows is on Kafka yet (scan of %d "
                        + "events took %d ms)", onTopic.size(), millis);
            }
            scannedThisRound = true;
            return Math.max(1, deleted);
        }
        long[] phases = {selected - roundStarted, 0, 0, 0, Math.max(0, oldestWait)};
        List<Culprit> culprits = sendInTransaction(p, rows, phases);
        if (!culprits.isEmpty()) {
            park(c, culprits);
            return culprits.size(); // the others stay pending: the next round sends them in a new transaction
        }
        phases[3] = System.nanoTime(); // the delete and the database commit, measured by the caller
        timing = phases;
        unconfirmed = rows.stream().map(Row::id).toList();
        settlesUnconfirmed = true;
        afterKafkaCommit.run(c);
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM outbox_event WHERE seq = ANY (?)")) {
            Array array = c.createArrayOf("bigint", rows.stream().map(Row::seq).toArray());
            delete.setArray(1, array);
            delete.executeUpdate();
        }
        long now = System.currentTimeMillis();
        for (Row r : rows) {
            publishedLag.accept(Duration.ofMillis(Math.max(0, now - r.createdAt().getTime())));
        }
        return rows.size();
    }

    /**
     * Sends the rows in one Kafka transaction. Returns normally once it committed (empty list), returns
     * the records Kafka refused for good after aborting, or throws (after aborting) on any other failure.
     */
    private List<Culprit> sendInTransaction(Producer<String, String> p, List<Row> rows, long[] phases) throws Exception {
        long started = System.nanoTime();
        p.beginTransaction();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try {
            for (Row row : rows) {
                ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.aggregateId(), row.payload());
                record.headers().add(new RecordHeader("content-type",
                        CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
                Future<RecordMetadata> ack = p.send(record);
                acks.add(ack);
                if (ack.isDone() && failure(ack) != null) {
                    break; // refused at once (too large, metadata timeout): the transaction is lost anyway
                }
            }
            if (acks.size() == rows.size() && acks.stream().noneMatch(a -> a.isDone() && failure(a) != null)) {
                long sent = System.nanoTime();
                phases[1] = sent - started;
                commit(p);
                phases[2] = System.nanoTime() - sent;
                return List.of();
            }
        } catch (Exception e) {
            List<Culprit> culprits = culprits(rows, acks);
            abort(p);
            if (!culprits.isEmpty()) {
                return culprits;
            }
            throw e;
        }
        List<Culprit> culprits = culprits(rows, acks);
        abort(p);
        if (!culprits.isEmpty()) {
            return culprits;
        }
        Throwable cause = acks.stream().filter(a -> a.isDone() && failure(a) != null).map(OutboxRelay::failure)
                .findFirst().orElse(null);
        throw new IllegalStateException("send failed: " + (cause == null ? "?" : cause.getMessage()), cause);
    }

    /**
     * Commits; a {@link TimeoutException} here is ambiguous (the commit may be completing on the broker),
     * so the same commit is retried rather than aborted: aborting could not undo it, and re-sending would
     * duplicate every record of the batch.
     */
    private void commit(Producer<String, String> p) throws InterruptedException {
        while (true) {
            try {
                p.commitTransaction();
                return;
            } catch (TimeoutException e) {
                if (!running) {
                    // shutting down mid-commit: the rows stay; the next relay's producer completes or aborts
                    // this transaction, then its scan finds the batch if it was committed and deletes the rows
                    closeProducer();
                    throw e;
                }
                lastError = "commit timed out, retrying: " + e.getMessage();
                LOG.warnf("Outbox relay: %s", lastError);
                Thread.sleep(100);
            }
        }
    }

    private void abort(Producer<String, String> p) {
        try {
            p.abortTransaction();
        } catch (RuntimeException e) {
            // Fenced, fatal, or the broker is away: a new producer with the same transactional.id aborts
            // the open transaction when it initialises, so read_committed readers never see it.
            LOG.debugf("Outbox relay: abort failed (%s); replacing the producer", e.getMessage());
            closeProducer();
        }
    }

    private static Throwable failure(Future<RecordMetadata> ack) {
        try {
            ack.get(0, TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return null;
        }
    }

    private static List<Culprit> culprits(List<Row> rows, List<Future<RecordMetadata>> acks) {
        List<Culprit> culprits = new ArrayList<>();
        for (int i = 0; i < acks.size(); i++) {
            if (!acks.get(i).isDone()) {
                continue;
            }
            Throwable t = failure(acks.get(i));
            if (t != null && isPermanent(t)) {
                culprits.add(new Culprit(rows.get(i), t.getClass().getSimpleName() + ": " + t.getMessage()));
                // Only the first: the broker refuses a whole partition batch, so records sharing a batch with
                // the culprit can carry its error too. The others are sent again (and parked in turn if
                // they really are refused).
                break;
            }
        }
        return culprits;
    }

    /** Failures of one record that no retry can fix: the record is parked, not retried. */
    static boolean isPermanent(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof RecordTooLargeException || c instanceof RecordBatchTooLargeException
                    || c instanceof TopicAuthorizationException || c instanceof InvalidTopicException
                    || c instanceof InvalidRecordException) {
                return true;
            }
            if (c instanceof AuthorizationException && !(c instanceof org.apache.kafka.common.errors.TransactionalIdAuthorizationException)
                    && !(c instanceof org.apache.kafka.common.errors.ClusterAuthorizationException)) {
                return true;
            }
        }
        return false;
    }

    private void park(Connection c, List<Culprit> culprits) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox_event SET status = 'PARKED', parked_reason = ?, parked_at = clock_timestamp() WHERE seq = ?")) {
            for (Culprit culprit : culprits) {
                String reason = culprit.reason().length() > 1000 ? culprit.reason().substring(0, 1000) : culprit.reason();
                ps.setString(1, reason);
                ps.setLong(2, culprit.row().seq());
                ps.addBatch();
                LOG.errorf("Outbox relay: parked event row %d (topic %s, aggregate %s): %s; later events of that "
                                + "aggregate are held until it is re-queued", culprit.row().seq(), culprit.row().topic(),
                        culprit.row().aggregateId(), reason);
            }
            ps.executeBatch();
        }
    }

    /** Deletes the pending rows with these event ids; returns how many there were. */
    private static int deletePending(Connection c, Collection<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM outbox_event WHERE status = 'PENDING' AND id = ANY (?)")) {
            delete.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            return delete.executeUpdate();
        }
    }

    private static List<String> pendingTopics(Connection c) throws SQLException {
        List<String> topics = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT topic FROM outbox_event WHERE status = 'PENDING'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                topics.add(rs.getString(1));
            }
        }
        return topics;
    }

    /**
     * Event ids in the last {@code 2 × batchSize} committed records of every partition of these topics. A
     * batch lost between the Kafka and the database commit is the last transaction on its partitions (see the
     * class comment) and has at most {@code batchSize} records on each. Records that are not CloudEvents (a
     * test's poison record) are skipped. Throws when Kafka does not answer within {@code sendTimeout}: the
     * round fails and is retried, and nothing is sent until the scan succeeded.
     */
    private Set<UUID> publishedAtTheTail(Collection<String> topics) {
        Set<UUID> ids = new HashSet<>();
        if (topics.isEmpty()) {
            return ids;
        }
        Duration timeout = settings.sendTimeout();
        long window = 2L * settings.batchSize() + 16; // + control records (one commit marker per transaction)
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "outbox-relay-scan-" + Thread.currentThread().getName());
        try (KafkaConsumer<byte[], String> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
                if (infos != null) { // a topic that does not exist holds nothing of ours
                    infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return ids;
            }
            // read_committed: the end is the last stable offset; our previous transaction is complete by now
            // (initTransactions waited for it), so its records are below it
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> from = new HashMap<>();
            for (TopicPartition tp : partitions) {
                long start = Math.max(begin.getOrDefault(tp, 0L), end.getOrDefault(tp, 0L) - window);
                if (start < end.getOrDefault(tp, 0L)) {
                    from.put(tp, start);
                }
            }
            if (from.isEmpty()) {
                return ids;
            }
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Set<TopicPartition> reading = new HashSet<>(from.keySet());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reading.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("outbox recovery scan did not reach the end of " + reading + " in " + timeout);
                }
                for (ConsumerRecord<byte[], String> r : consumer.poll(Duration.ofMillis(100))) {
                    UUID id = eventId(r.value());
                    if (id != null) {
                        ids.add(id);
                    }
                }
                reading.removeIf(tp -> consumer.position(tp, timeout) >= end.get(tp));
            }
        }
        return ids;
    }

    private static UUID eventId(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(CloudEvents.fromJson(value).id());
        } catch (RuntimeException notOurs) {
            return null;
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
            config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5); // ordered with idempotence
            config.put(ProducerConfig.LINGER_MS_CONFIG, 0); // latency first: a batch is already a batch
            config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            long timeout = settings.sendTimeout().toMillis();
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout, Integer.MAX_VALUE));
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.min(timeout, Integer.MAX_VALUE));
            // the coordinator aborts a transaction left open longer (a relay that died mid-batch)
            config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Math.min(Math.max(60_000, 3 * timeout), 900_000));
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + Thread.currentThread().getName());
            config.putAll(settings.extraProducerConfig());
            KafkaProducer<String, String> p = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
            try {
                // fences an earlier producer with this transactional.id and completes or aborts its transaction
                p.initTransactions();
            } catch (RuntimeException e) {
                p.close(Duration.ZERO);
                throw e;
            }
            producer = p;
            scanNeeded = true; // before its first send: see the class comment
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
                producer.close(Duration.ZERO);
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

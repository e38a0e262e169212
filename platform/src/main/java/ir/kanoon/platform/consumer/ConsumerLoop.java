package ir.kanoon.platform.consumer;

import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.events.CloudEvents;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One handler's consumer, supervised. The outer loop (re)creates the Kafka clients and restarts after
 * any failure outside a record — a failed commit after a rebalance, a broker error, a throwing
 * {@code topics()} — with backoff, counting restarts and keeping the last error; it ends only on
 * {@link #stop()} (or an {@link Error}, which the liveness check then reports as DOWN).
 *
 * <p>Per record ({@link FailureClassifier}): an unparseable CloudEvent or an {@link UnprocessableEventException}
 * goes to the dead-letter topic at once. Any other failure is retried: the consumer seeks back to the failed
 * offset, pauses that partition until the retry is due and keeps polling, so it stays in its group (no
 * {@code max.poll.interval.ms} overrun) while later records of the partition wait (order kept). A failure that
 * says our database is away or busy is retried for as long as it lasts (an outage never dead-letters good
 * events); any other failure is retried until the record has failed {@link ConsumerSettings#maxAttempts()}
 * times that way, then dead-lettered with its reason and attempt count, so a poison event cannot block its
 * partition (and the aggregates sharing it) for ever. Dead-lettering commits the offset like a success.
 */
final class ConsumerLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);

    /** A partition whose record at {@code offset} failed and is retried at {@code retryAtNanos}. */
    private static final class Failure {
        final long offset;
        final Instant since;
        /** When the record last failed to be processed. */
        Instant lastFailureAt;
        /** Times the record was read and failed (parse or handler); {@code dlt-attempts}. */
        int attempts;
        /** Of those, failures that were the event's (not our database's): these are limited. */
        int eventFailures;
        /** Times it was put back to wait (failures and refused dead-letter writes): the backoff's exponent. */
        int retries;
        /** Set once the record is to be dead-lettered: a retry then only repeats the refused dead-letter write. */
        String deadLetterReason;
        long retryAtNanos;
        boolean paused;

        Failure(long offset, Instant since) {
            this.offset = offset;
            this.since = since;
            this.lastFailureAt = since;
        }
    }

    enum Outcome { DONE, RETRY }

    private final EventHandler handler;
    private final ConsumerSettings settings;
    private final String bootstrapServers;
    private final BiConsumer<EventHandler, CloudEvent> apply;
    private final Map<TopicPartition, Failure> failures = new HashMap<>();
    /**
     * Offsets of records applied (or dead-lettered) whose commit is not known to have succeeded (consumer thread
     * only): committed asynchronously after each poll, synchronously on revocation and before the consumer closes.
     */
    private final Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
    /** Asynchronous offset commits issued (a metric for tests: the poll loop itself never waits for one). */
    private volatile long asyncCommits;

    private volatile boolean stopping;
    private volatile Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean polling;
    private volatile long restarts;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile Long lag;
    private volatile Instant pausedSince;
    private volatile int stuckAttempts;
    private volatile long deadLettered;
    private volatile long retriesTotal;

    ConsumerLoop(EventHandler handler, ConsumerSettings settings, String bootstrapServers,
                 BiConsumer<EventHandler, CloudEvent> apply) {
        this.handler = handler;
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.apply = apply;
    }

    String group() {
        return handler.consumerGroup();
    }

    void start() {
        Thread t = new Thread(this, "event-consumer-" + handler.consumerGroup());
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    void stop() {
        stopping = true;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Restarts so far; for tests and health. */
    long restarts() {
        return restarts;
    }

    /** Records put back to be retried so far (each failed attempt and each refused dead-letter write); a metric. */
    long retries() {
        return retriesTotal;
    }

    /**
     * Nanoseconds the current Kafka consumer spent in {@code commitSync} (the client's own
     * {@code commit-sync-time-ns-total}); -1 when there is no consumer. Tests: the poll loop never waits for one.
     */
    double commitSyncNanos() {
        KafkaConsumer<String, byte[]> c = consumer;
        if (c == null) {
            return -1;
        }
        return c.metrics().entrySet().stream().filter(e -> e.getKey().name().equals("commit-sync-time-ns-total"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).findFirst().orElse(-1);
    }

    /** Asynchronous offset commits issued so far. */
    long asyncCommits() {
        return asyncCommits;
    }

    /** Records dead-lettered so far; a metric. */
    long deadLettered() {
        return deadLettered;
    }

    /**
     * Liveness: DOWN only when the supervising thread is gone (an {@link Error} killed it) — nothing but a
     * process restart brings it back. A loop waiting to restart (Kafka away) is UP with
     * {@code running=false} and its last error: restarting the pod would not bring Kafka back.
     */
    HealthCheckResponse health() {
        Thread t = thread;
        boolean alive = stopping || (t != null && t.isAlive());
        HealthCheckResponseBuilder b = HealthCheckResponse.named("event-consumer " + handler.consumerGroup())
                .status(alive)
                .withData("group", handler.consumerGroup())
                .withData("running", alive && polling)
                .withData("restarts", restarts)
                .withData("retries", retriesTotal)
                .withData("deadLettered", deadLettered);
        Long l = lag;
        if (l != null) {
            b.withData("lag", l.longValue()); // absent until the first fetch of the assigned partitions
        }
        if (lastError != null) {
            b.withData("lastError", lastError).withData("lastErrorAt", String.valueOf(lastErrorAt));
        }
        Instant p = pausedSince;
        if (p != null) {
            b.withData("pausedSince", p.toString()).withData("failedAttempts", stuckAttempts)
                    .withData("stuck", stuckAttempts >= settings.maxAttempts());
        }
        return b.build();
    }

    @Override
    public void run() {
        long delay = settings.restartBackoff().toMillis();
        while (!stopping) {
            try {
                consume();
            } catch (WakeupException e) {
                if (!stopping) {
                    error("unexpected wakeup", e);
                }
            } catch (Exception e) {
                if (stopping) {
                    break;
                }
                error(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
            } finally {
                polling = false;
                consumer = null;
                failures.clear();
                applied.clear(); // a new consumer starts from the committed offsets
                pausedSince = null;
            }
            if (stopping) {
                break;
            }
            restarts++;
            LOG.warnf("Event consumer %s restarts in %d ms (restart %d)", handler.consumerGroup(), delay, restarts);
            if (!sleep(delay)) {
                break;
            }
            delay = Math.min(delay * 2, settings.maxBackoff().toMillis());
        }
    }

    private void error(String message, Exception e) {
        lastError = message;
        lastErrorAt = Instant.now();
        LOG.errorf(e, "Event consumer %s failed outside a record", handler.consumerGroup());
    }

    private void consume() {
        try (KafkaConsumer<String, byte[]> c = newConsumer(); KafkaProducer<byte[], byte[]> deadLetters = newProducer()) {
            consumer = c;
            if (stopping) {
                return;
            }
            c.subscribe(handler.topics(), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    failures.keySet().removeAll(partitions); // the new owner starts from the committed offset
                    // hand over what we applied, so the new owner does not read it again (it would skip it anyway)
                    commitNow(c, partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // nothing to restore: a newly assigned partition starts unpaused at its committed offset
                }
            });
            try {
                pollLoop(c, deadLetters);
            } finally {
                // stopping, or a failure outside a record: what was applied is committed before the clients close
                commitNow(c, null);
            }
        }
    }

    private void pollLoop(KafkaConsumer<String, byte[]> c, KafkaProducer<byte[], byte[]> deadLetters) {
        while (!stopping) {
            resumeDue(c);
            ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(200));
            polling = true;
            // One asynchronous offset commit per poll: a synchronous one is a broker round trip (OffsetCommit)
            // that every record of the next poll waited for (bench figure 4: member admitted → directory).
            // Nothing is lost by committing late or by a commit that fails: every handler is idempotent by event
            // id (ProcessedEvents), so records applied but not committed when the consumer dies are skipped when
            // read again; and what was applied is committed synchronously on revocation and on the way out.
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            try {
                for (TopicPartition tp : records.partitions()) {
                    for (ConsumerRecord<String, byte[]> record : records.records(tp)) {
                        if (stopping) {
                            return; // shutting down: what was applied is committed below; the rest is read again
                        }
                        if (process(tp, record, deadLetters) == Outcome.RETRY) {
                            retryLater(c, tp, record.offset());
                            break; // later records of this partition wait behind the failed one
                        }
                        failures.remove(tp);
                        done.put(tp, new OffsetAndMetadata(record.offset() + 1));
                    }
                }
            } finally {
                if (!done.isEmpty()) {
                    applied.putAll(done);
                    commitLater(c, done);
                }
            }
            updateLag(c);
        }
    }

    /** Commits these offsets without waiting; a failure is left to the next commit (see {@link #applied}). */
    private void commitLater(KafkaConsumer<String, byte[]> c, Map<TopicPartition, OffsetAndMetadata> done) {
        asyncCommits++;
        c.commitAsync(done, (offsets, error) -> {
            if (error == null) {
                // forget what is committed now, unless a later record was applied since
                offsets.forEach((tp, o) -> applied.remove(tp, o));
            } else {
                LOG.debugf("Event consumer %s: asynchronous offset commit failed (%s); the next one covers it",
                        handler.consumerGroup(), error.getMessage());
            }
        });
    }

    /**
     * Commits synchronously what was applied and may not be committed yet, of these partitions (all when null):
     * on revocation and before the consumer closes. A failure is logged, not thrown: the records are read again
     * and skipped as already processed.
     */
    private void commitNow(KafkaConsumer<String, byte[]> c, Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        applied.forEach((tp, o) -> {
            if (partitions == null || partitions.contains(tp)) {
                offsets.put(tp, o);
            }
        });
        if (offsets.isEmpty()) {
            return;
        }
        // stop() interrupts the thread, and an interrupted KafkaConsumer refuses to commit: the last commit is worth
        // finishing (bounded, well inside stop()'s 5 s join), the interrupt is restored afterwards
        boolean interrupted = Thread.interrupted();
        try {
            c.commitSync(offsets, Duration.ofSeconds(3));
            offsets.forEach(applied::remove);
        } catch (RuntimeException e) {
            LOG.warnf("Event consumer %s: cannot commit offsets %s (%s); those records will be read again and skipped",
                    handler.consumerGroup(), offsets, e.getMessage());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Outcome process(TopicPartition tp, ConsumerRecord<String, byte[]> record,
                            KafkaProducer<byte[], byte[]> deadLetters) {
        Failure f = failures.get(tp);
        if (f != null && f.offset != record.offset()) {
            f = null; // a failure of an earlier offset that was since dealt with
        }
        if (f != null && f.deadLetterReason != null) {
            return deadLetter(record, f, deadLetters); // decided already: only the dead-letter write was refused
        }
        CloudEvent event;
        try {
            event = CloudEvents.fromBytes(record.value());
        } catch (CloudEvents.InvalidEventException e) {
            f = failed(tp, record.offset(), f);
            f.deadLetterReason = "unparseable CloudEvent: " + e.getMessage();
            return deadLetter(record, f, deadLetters);
        }
        try {
            apply.accept(handler, event);
            return Outcome.DONE;
        } catch (RuntimeException e) {
            f = failed(tp, record.offset(), f);
            String reason = FailureClassifier.describe(e);
            lastError = "event " + event.id() + " (" + event.type() + "): " + reason;
            lastErrorAt = f.lastFailureAt;
            switch (FailureClassifier.classify(e)) {
                case UNPROCESSABLE -> {
                    f.deadLetterReason = FailureClassifier.unprocessableReason(e);
                    return deadLetter(record, f, deadLetters);
                }
                case SERVICE -> {
                    // every event would fail now: wait for the database, however long, and never dead-letter
                    LOG.warnf("Event %s (%s) failed in %s because the database is away or busy (attempt %d); "
                            + "retrying with the partition paused: %s", event.id(), event.type(),
                            handler.consumerGroup(), f.attempts, reason);
                    return Outcome.RETRY;
                }
                default -> {
                    f.eventFailures++;
                    if (f.eventFailures >= settings.maxAttempts()) {
                        f.deadLetterReason = reason;
                        return deadLetter(record, f, deadLetters);
                    }
                    LOG.warnf("Event %s (%s) failed in %s (attempt %d of %d); retrying with the partition paused: %s",
                            event.id(), event.type(), handler.consumerGroup(), f.eventFailures, settings.maxAttempts(),
                            reason);
                    return Outcome.RETRY;
                }
            }
        }
    }

    /** Counts a failed attempt of the record at {@code offset} of {@code tp}. */
    private Failure failed(TopicPartition tp, long offset, Failure f) {
        Instant now = Instant.now();
        if (f == null) {
            f = new Failure(offset, now);
            failures.put(tp, f);
        }
        f.attempts++;
        f.lastFailureAt = now;
        return f;
    }

    /**
     * Publishes the record to the dead-letter topic with why, how often and when it failed; a failure to do so is
     * itself retried (the offset is not committed until the record is on the dead-letter topic).
     */
    private Outcome deadLetter(ConsumerRecord<String, byte[]> record, Failure f,
                               KafkaProducer<byte[], byte[]> deadLetters) {
        String dlt = EventConsumers.deadLetterTopic(record.topic(), handler.consumerGroup());
        ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(dlt, null,
                record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8), record.value());
        record.headers().forEach(h -> dead.headers().add(h));
        dead.headers().add("dlt-original-topic", bytes(record.topic()));
        dead.headers().add("dlt-original-partition", bytes(String.valueOf(record.partition())));
        dead.headers().add("dlt-original-offset", bytes(String.valueOf(record.offset())));
        dead.headers().add("dlt-consumer-group", bytes(handler.consumerGroup()));
        dead.headers().add("dlt-reason", bytes(f.deadLetterReason));
        dead.headers().add("dlt-attempts", bytes(String.valueOf(f.attempts)));
        dead.headers().add("dlt-first-failure-at", bytes(f.since.toString()));
        dead.headers().add("dlt-last-failure-at", bytes(f.lastFailureAt.toString()));
        try {
            deadLetters.send(dead).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.RETRY;
        } catch (Exception e) {
            lastError = "cannot dead-letter to " + dlt + ": " + e.getMessage();
            lastErrorAt = Instant.now();
            LOG.warnf("Cannot dead-letter record %s-%d@%d on %s (%s); retrying", record.topic(), record.partition(),
                    record.offset(), dlt, e.getMessage());
            return Outcome.RETRY;
        }
        deadLettered++;
        LOG.errorf("Dead-lettered record %s-%d@%d on %s after %d attempt(s): %s", record.topic(), record.partition(),
                record.offset(), dlt, f.attempts, f.deadLetterReason);
        return Outcome.DONE;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void retryLater(KafkaConsumer<String, byte[]> c, TopicPartition tp, long offset) {
        Failure f = failures.get(tp);
        if (f == null || f.offset != offset) {
            f = new Failure(offset, Instant.now()); // not reached: process() records every failure it returns
            failures.put(tp, f);
        }
        f.retries++;
        retriesTotal++;
        int shift = Math.min(f.retries - 1, 20);
        long delay = Math.min(settings.backoff().toMillis() << shift, settings.maxBackoff().toMillis());
        f.retryAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay);
        f.paused = true;
        c.seek(tp, offset); // the failed record is read again when the partition resumes
        c.pause(Set.of(tp));
        if (f.retries == settings.maxAttempts()) {
            // only a database outage (or a refused dead-letter write) keeps a record this long
            LOG.errorf("Event consumer %s is stuck on %s@%d after %d attempts (%s); still retrying every %d ms at most",
                    handler.consumerGroup(), tp, offset, f.retries, lastError, settings.maxBackoff().toMillis());
        }
        summarise();
    }

    private void resumeDue(KafkaConsumer<String, byte[]> c) {
        long now = System.nanoTime();
        for (Map.Entry<TopicPartition, Failure> e : failures.entrySet()) {
            Failure f = e.getValue();
            if (f.paused && now - f.retryAtNanos >= 0) {
                f.paused = false;
                if (c.assignment().contains(e.getKey())) {
                    c.resume(Set.of(e.getKey()));
                }
            }
        }
        summarise();
    }

    private void summarise() {
        Instant since = null;
        int attempts = 0;
        for (Failure f : failures.values()) {
            if (since == null || f.since.isBefore(since)) {
                since = f.since;
            }
            attempts = Math.max(attempts, f.retries);
        }
        pausedSince = since;
        stuckAttempts = attempts;
    }

    private void updateLag(KafkaConsumer<String, byte[]> c) {
        long total = 0;
        for (TopicPartition tp : c.assignment()) {
            OptionalLong l = c.currentLag(tp);
            if (l.isEmpty()) {
                lag = null; // not known yet (no fetch since the assignment)
                return;
            }
            total += l.getAsLong();
        }
        lag = total;
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, handler.consumerGroup(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> newProducer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    private boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return !stopping;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

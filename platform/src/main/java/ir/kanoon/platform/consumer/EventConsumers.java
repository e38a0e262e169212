package ir.kanoon.platform.consumer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.events.CloudEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs every {@link EventHandler} bean on its own consumer thread (see {@link EventHandler} for the
 * guarantees). Offsets are committed per record, after it was handled or parked, so a crash replays at
 * most the record in hand, and the processed-events table turns that replay into a no-op.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    @Inject
    Instance<EventHandler> handlers;

    @Inject
    ProcessedEvents processed;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    @ConfigProperty(name = "kanoon.consumer.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "kanoon.consumer.max-attempts", defaultValue = "3")
    int maxAttempts;

    @ConfigProperty(name = "kanoon.consumer.backoff", defaultValue = "200ms")
    Duration backoff;

    private final List<Loop> loops = new ArrayList<>();

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        for (EventHandler handler : handlers) {
            Loop loop = new Loop(handler);
            loops.add(loop);
            Thread t = new Thread(loop, "event-consumer-" + handler.consumerGroup());
            t.setDaemon(true);
            t.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        loops.forEach(Loop::stop);
    }

    /** Dead-letter topic of a handler for records read from {@code topic}. */
    public static String deadLetterTopic(String topic, String group) {
        return topic + "." + group + ".dlt";
    }

    /** Applies one event once: the dedup row and the handler's changes commit together or not at all. */
    void applyOnce(EventHandler handler, CloudEvent event) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (processed.markProcessed(handler.consumerGroup(), event.id())) {
                try {
                    handler.handle(event);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new HandlerFailedException(e);
                }
            }
        });
    }

    private static final class HandlerFailedException extends RuntimeException {
        HandlerFailedException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final class Loop implements Runnable {
        private final EventHandler handler;
        private final KafkaConsumer<String, byte[]> consumer;
        private final KafkaProducer<byte[], byte[]> deadLetters;
        private volatile boolean running = true;

        Loop(EventHandler handler) {
            this.handler = handler;
            this.consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG, handler.consumerGroup(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                    new StringDeserializer(), new ByteArrayDeserializer());
            this.deadLetters = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                    new ByteArraySerializer(), new ByteArraySerializer());
        }

        void stop() {
            running = false;
            consumer.wakeup();
        }

        @Override
        public void run() {
            try {
                consumer.subscribe(handler.topics());
                while (running) {
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                    for (ConsumerRecord<String, byte[]> record : records) {
                        if (!process(record)) {
                            return; // shutting down mid-record: its offset stays uncommitted
                        }
                        consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                                new OffsetAndMetadata(record.offset() + 1)));
                    }
                }
            } catch (WakeupException e) {
                // stop() was called
            } catch (RuntimeException e) {
                LOG.errorf(e, "Event consumer %s stopped", handler.consumerGroup());
            } finally {
                consumer.close(Duration.ofSeconds(2));
                deadLetters.close(Duration.ofSeconds(2));
            }
        }

        /** True when the record was handled or parked on the dead-letter topic; false on shutdown. */
        private boolean process(ConsumerRecord<String, byte[]> record) {
            CloudEvent event;
            try {
                event = CloudEvents.fromBytes(record.value());
            } catch (CloudEvents.InvalidEventException e) {
                return park(record, e); // a poison record: retrying cannot help
            }
            Exception last = null;
            for (int attempt = 1; attempt <= maxAttempts && running; attempt++) {
                try {
                    applyOnce(handler, event);
                    return true;
                } catch (RuntimeException e) {
                    last = e;
                    LOG.warnf("Event %s (%s) failed in %s, attempt %d/%d: %s", event.id(), event.type(),
                            handler.consumerGroup(), attempt, maxAttempts, e.getMessage());
                    if (attempt < maxAttempts && !pause(backoff.toMillis() << (attempt - 1))) {
                        return false;
                    }
                }
            }
            return running && park(record, last);
        }

        /** Sends the record to the dead-letter topic, retrying until Kafka takes it: it is never skipped. */
        private boolean park(ConsumerRecord<String, byte[]> record, Exception cause) {
            String dlt = deadLetterTopic(record.topic(), handler.consumerGroup());
            ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(dlt, null,
                    record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8), record.value());
            record.headers().forEach(h -> dead.headers().add(h));
            dead.headers().add("dlt-original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
            dead.headers().add("dlt-original-partition", String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8));
            dead.headers().add("dlt-original-offset", String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
            dead.headers().add("dlt-consumer-group", handler.consumerGroup().getBytes(StandardCharsets.UTF_8));
            String reason = cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
            dead.headers().add("dlt-reason", reason.getBytes(StandardCharsets.UTF_8));
            while (running) {
                try {
                    deadLetters.send(dead).get(30, TimeUnit.SECONDS);
                    LOG.errorf("Parked record %s-%d@%d on %s: %s", record.topic(), record.partition(), record.offset(), dlt, reason);
                    return true;
                } catch (Exception e) {
                    LOG.warnf("Cannot park record on %s (%s); retrying", dlt, e.getMessage());
                    if (!pause(1000)) {
                        return false;
                    }
                }
            }
            return false;
        }

        private boolean pause(long millis) {
            try {
                Thread.sleep(millis);
                return running;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}

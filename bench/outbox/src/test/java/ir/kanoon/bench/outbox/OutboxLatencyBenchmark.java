package ir.kanoon.bench.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.events.CloudEvents;
import ir.kanoon.platform.outbox.Outbox;
import ir.kanoon.platform.testing.KafkaTestResource;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.PostgresTestResource;
import jakarta.inject.Inject;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Outbox latency: from the moment a business transaction that recorded an event has committed to the
 * moment a Kafka consumer holds the record, at a steady 200 events/s (the goal: p99 under 50 ms on the
 * 2-core machine). Real PostgreSQL, real Kafka broker ({@code acks=all}), the platform's own relay woken
 * by LISTEN/NOTIFY — the same code path as a service. Writes {@code bench/outbox/RESULTS.md}.
 *
 * <p>Not a test: it asserts nothing about time; run it with {@code bench/outbox/run}.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OutboxLatencyBenchmark {

    record Tick(int n) {
    }

    @Inject
    Outbox outbox;

    @Test
    void commitToKafkaLatencyAtSteadyRate() throws Exception {
        int rate = Integer.getInteger("bench.rate", 200);
        int warmupSeconds = Integer.getInteger("bench.warmup", 10);
        int seconds = Integer.getInteger("bench.seconds", 60);
        // issue 2 asked p99 < 50 ms at 200/s; issue 13 asks p99 < 10 ms at 1,000/s (bench/run passes -Dbench.goal-ms=10)
        int goalMs = Integer.getInteger("bench.goal-ms", 50);
        String topic = "kanoon.bench.events";

        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(10), 3);
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicInteger received = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean(false);
        CountDownLatch consumerReady = new CountDownLatch(1);

        Thread consumer = new Thread(() -> {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5,
                    // as the Ministry's dashboards read: a record counts once its Kafka transaction committed
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                    new StringDeserializer(), new StringDeserializer())) {
                c.subscribe(List.of(topic));
                while (c.assignment().isEmpty()) {
                    c.poll(Duration.ofMillis(100));
                }
                c.seekToEnd(c.assignment());
                c.poll(Duration.ofMillis(10));
                consumerReady.countDown();
                while (!stop.get()) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        Long at = committedAt.remove(CloudEvents.fromJson(r.value()).id());
                        if (at != null && measuring.get()) {
                            latency.recordValue(Math.max(0, (now - at) / 1000));
                            received.incrementAndGet();
                        }
                    }
                }
            }
        }, "bench-consumer");
        consumer.start();
        if (!consumerReady.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("consumer did not get its partitions");
        }

        ScheduledExecutorService writers = Executors.newScheduledThreadPool(2);
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger measuredSent = new AtomicInteger();
        long periodMicros = 1_000_000L / rate;
        writers.scheduleAtFixedRate(() -> {
            int n = sent.incrementAndGet();
            String aggregate = "agg-" + (n % 50);
            // a business transaction that records one event; the clock starts when it has committed
            CloudEvent e = QuarkusTransaction.requiringNew().call(() -> {
                CloudEvent ev = CloudEvents.create("/kanoon/bench", "ir.kanoon.bench.tick.v1", aggregate, "IR-07", new Tick(n));
                outbox.write(ev, topic);
                return ev;
            });
            committedAt.put(e.id(), System.nanoTime());
            if (measuring.get()) {
                measuredSent.incrementAndGet();
            }
        }, 0, periodMicros, TimeUnit.MICROSECONDS);

        Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));
        measuring.set(true);
        Instant started = Instant.now();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        measuring.set(false);
        writers.shutdown();
        writers.awaitTermination(10, TimeUnit.SECONDS);
        Thread.sleep(2000); // let the last records arrive
        stop.set(true);
        consumer.join();

        double achievedRate = measuredSent.get() / (double) seconds;
        String results = String.format("""
                # Outbox benchmark: commit → record on Kafka

                Goal: p99 under %d ms at %d events/s on this machine.

                | | |
                | --- | --- |
                | run | %s |
                | machine | %d cores, %s, Java %s |
                | set-up | embedded PostgreSQL 17 (zonky), Kafka 4.1 KRaft broker (KafkaClusterTestKit, 1 broker), platform outbox relay woken by LISTEN/NOTIFY, `acks=all`, one Kafka transaction per relay batch, consumer `read_committed` |
                | load | %d events/s target (%.1f achieved), one event per transaction, 50 aggregates, %d s warm-up, %d s measured |
                | events measured | %d sent, %d received |
                | p50 | %.2f ms |
                | p90 | %.2f ms |
                | p99 | %.2f ms |
                | p99.9 | %.2f ms |
                | max | %.2f ms |

                Latency is from the return of the committing transaction to the consumer's `poll` returning
                the record (same JVM, `System.nanoTime`), so it includes the NOTIFY wake-up, the relay's
                batch transaction, the broker's acknowledgement and the consumer's fetch.

                Verdict: %s

                Reproduce: `bench/outbox/run` (options: `-Dbench.rate=200 -Dbench.seconds=60 -Dbench.warmup=10 -Dbench.goal-ms=50`).
                """,
                goalMs, rate, started, Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                System.getProperty("java.version"), rate, achievedRate, warmupSeconds, seconds,
                measuredSent.get(), received.get(),
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(90) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getValueAtPercentile(99.9) / 1000.0,
                latency.getMaxValue() / 1000.0,
                latency.getValueAtPercentile(99) < goalMs * 1000L && received.get() >= measuredSent.get() * 0.99
                        ? "**met** (p99 < " + goalMs + " ms, every event received)" : "**NOT met**");
        System.out.println(results);
        Path out = Path.of(System.getProperty("bench.results", "RESULTS.md"));
        try {
            Files.writeString(out, results);
        } catch (IOException e) {
            System.err.println("cannot write " + out.toAbsolutePath() + ": " + e.getMessage());
        }
    }
}

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
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
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
 * by LISTEN/NOTIFY — the same code path as a service. {@code bench/outbox/run} writes {@code bench/outbox/last-run.md}.
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

    @Inject
    MeterRegistry registry;

    /** p50 / p90 / p99 / max of one of the relay's per-batch meters (OutboxRelayService), over the measured window. */
    private String phase(String name, String tag) {
        var search = registry.find(name);
        if (tag != null) {
            search = search.tag("phase", tag);
        }
        HistogramSnapshot s = search.meters().stream().findFirst().map(m -> m instanceof Timer t ? t.takeSnapshot()
                : ((DistributionSummary) m).takeSnapshot()).orElse(null);
        if (s == null) {
            return "| " + (tag == null ? name : tag) + " | not recorded |";
        }
        boolean time = tag != null || name.endsWith("wait");
        StringBuilder b = new StringBuilder("| ").append(tag == null ? name : tag).append(" | ").append(s.count());
        for (ValueAtPercentile v : s.percentileValues()) {
            b.append(" | ").append(time ? String.format("%.2f ms", v.value(TimeUnit.MILLISECONDS)) : String.format("%.0f", v.value()));
        }
        b.append(" | ").append(time ? String.format("%.2f ms", s.max(TimeUnit.MILLISECONDS)) : String.format("%.0f", s.max()));
        // share of batches at or above 19 ms: a Kafka transaction begun while the previous one's markers were still
        // being written is retried by the broker every add.partitions.to.txn.retry.backoff.ms (default 20 ms)
        double atOrAbove19 = 0;
        if (time) {
            double below = 0;
            double boundary = 0;
            for (var bucket : s.histogramCounts()) {
                if (bucket.bucket(TimeUnit.MILLISECONDS) <= 19 && bucket.count() >= below) {
                    below = bucket.count();
                    boundary = bucket.bucket(TimeUnit.MILLISECONDS);
                }
            }
            atOrAbove19 = s.count() == 0 ? 0 : 100.0 * (s.count() - below) / s.count();
            b.append(" | ").append(String.format("%.1f %% (> %.1f ms)", atOrAbove19, boundary));
        } else {
            b.append(" | ");
        }
        return b.append(" |").toString();
    }

    private static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return new double[] {Double.parseDouble(f[0])};
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN};
        }
    }

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
        // the record's CreateTime (the relay's send, wall-clock ms) → the consumer's poll: the Kafka leg alone
        Histogram kafkaLeg = new Histogram(TimeUnit.SECONDS.toMillis(10), 3);
        int fetchMaxWait = Integer.getInteger("bench.fetch-max-wait", 5);
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicInteger received = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean(false);
        CountDownLatch consumerReady = new CountDownLatch(1);

        Thread consumer = new Thread(() -> {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, fetchMaxWait,
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
                        long wall = System.currentTimeMillis();
                        Long at = committedAt.remove(CloudEvents.fromJson(r.value()).id());
                        if (at != null && measuring.get()) {
                            latency.recordValue(Math.max(0, (now - at) / 1000));
                            kafkaLeg.recordValue(Math.max(0, wall - r.timestamp()));
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
        double[] loadBefore = loadAverage();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        measuring.set(false);
        // the relay's meters decay over 2 minutes (Micrometer's default): read them at the end of the window
        String phases = String.join("\n", phase("kanoon.outbox.relay.wait", null),
                phase("kanoon.outbox.relay.phase", "select"), phase("kanoon.outbox.relay.phase", "send"),
                phase("kanoon.outbox.relay.phase", "kafka-commit"), phase("kanoon.outbox.relay.phase", "db-commit"),
                phase("kanoon.outbox.relay.batch.events", null));
        double[] loadAfter = loadAverage();
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
                | load average (1 min) | %.2f before, %.2f after the measured window |
                | Kafka leg: relay's send → consumer's poll (record CreateTime, ms resolution) | p50 %d, p90 %d, p99 %d, max %d ms |
                | consumer `fetch.max.wait.ms` | %d |
                | broker `add.partitions.to.txn.retry.backoff.ms` | %s |

                Where a batch's time went (the relay's `kanoon.outbox.relay.*` meters, per batch, warm-up included):

                | phase | batches | p50 | p90 | p99 | max | slow (above the histogram bucket below 19 ms) |
                | --- | ---: | ---: | ---: | ---: | ---: | ---: |
                %s

                Latency is from the return of the committing transaction to the consumer's `poll` returning
                the record (same JVM, `System.nanoTime`), so it includes the NOTIFY wake-up, the relay's
                batch transaction, the broker's acknowledgement and the consumer's fetch.

                Verdict: %s

                `wait` is how long a batch's oldest row sat in the table before the relay selected it (it includes
                the wait for the batch before it); `select` the connection, advisory lock and SELECT; `send` the
                sends; `kafka-commit` `commitTransaction` (acks and EndTxn); `db-commit` the DELETE and the commit.

                Reproduce: `bench/outbox/run` (options: `-Dbench.rate=200 -Dbench.seconds=60 -Dbench.warmup=10 -Dbench.goal-ms=50`).
                """,
                goalMs, rate, started, Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                System.getProperty("java.version"), rate, achievedRate, warmupSeconds, seconds,
                measuredSent.get(), received.get(),
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(90) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getValueAtPercentile(99.9) / 1000.0,
                latency.getMaxValue() / 1000.0, loadBefore[0], loadAfter[0],
                kafkaLeg.getValueAtPercentile(50), kafkaLeg.getValueAtPercentile(90), kafkaLeg.getValueAtPercentile(99),
                kafkaLeg.getMaxValue(), fetchMaxWait,
                System.getProperty("kanoon.test.kafka.add-partitions-retry-backoff-ms", "2 (KafkaTestResource)"), phases,
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

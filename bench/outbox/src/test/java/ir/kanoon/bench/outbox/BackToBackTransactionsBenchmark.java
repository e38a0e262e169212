package ir.kanoon.bench.outbox;

import ir.kanoon.platform.testing.KafkaTestResource;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The relay's Kafka leg alone, without PostgreSQL: one transactional producer (the relay's settings) committing
 * one-record transactions, each begun {@code bench.gap-ms} after the previous commit returned (0 = back to back, as
 * the relay under load). Prints the distribution of send + commitTransaction. A transaction begun while the
 * previous one's markers are still being written is refused by the coordinator (CONCURRENT_TRANSACTIONS) and the
 * broker retries it every {@code add.partitions.to.txn.retry.backoff.ms} (Kafka's default 20 ms, KafkaTestResource's 2 ms; set with
 * {@code -Dkanoon.test.kafka.add-partitions-retry-backoff-ms}). Not a test: run with
 * {@code ./mvnw -B -o -pl bench/outbox -am verify -DskipE2E -Dtest=BackToBackTransactionsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class BackToBackTransactionsBenchmark {

    @Test
    void commitDurationOfBackToBackTransactions() throws Exception {
        int transactions = Integer.getInteger("bench.transactions", 1000);
        int gapMs = Integer.getInteger("bench.gap-ms", 0);
        KafkaTestResource.cluster();
        Histogram commit = new Histogram(TimeUnit.SECONDS.toMicros(10), 3);
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-back-to-back",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new StringSerializer())) {
            p.initTransactions();
            for (int i = 0; i < transactions + 100; i++) {
                long started = System.nanoTime();
                p.beginTransaction();
                p.send(new ProducerRecord<>("bench.back-to-back", "agg-" + (i % 50), "{\"n\":" + i + "}"));
                p.commitTransaction();
                if (i >= 100) { // the first 100 warm up
                    commit.recordValue((System.nanoTime() - started) / 1000);
                }
                if (gapMs > 0) {
                    Thread.sleep(gapMs);
                }
            }
        }
        long slow = 0;
        for (var v : commit.recordedValues()) {
            if (v.getValueIteratedTo() >= 15_000) {
                slow += v.getCountAtValueIteratedTo();
            }
        }
        System.out.printf("BENCH back-to-back transactions: backoff=%s gap=%d ms n=%d | send+commit p50=%.2f p90=%.2f p99=%.2f "
                        + "max=%.2f ms | ≥ 15 ms: %d (%.1f %%) | load %s%n",
                System.getProperty("kanoon.test.kafka.add-partitions-retry-backoff-ms", "2 (KafkaTestResource)"), gapMs,
                commit.getTotalCount(), commit.getValueAtPercentile(50) / 1000.0, commit.getValueAtPercentile(90) / 1000.0,
                commit.getValueAtPercentile(99) / 1000.0, commit.getMaxValue() / 1000.0, slow,
                100.0 * slow / commit.getTotalCount(), java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
    }
}

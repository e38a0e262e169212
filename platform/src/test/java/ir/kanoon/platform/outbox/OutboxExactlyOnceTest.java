package ir.kanoon.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.events.CloudEvents;
import ir.kanoon.platform.support.TopicReader;
import ir.kanoon.platform.testing.KafkaTestResource;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.PostgresTestResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exactly once for {@code read_committed} readers, with the production-like short timeouts that made the
 * old relay re-send whole batches (issue 7: 120 records for 66 event ids after a Kafka outage): a broker
 * stopped and restarted under writes, sends and commits timing out around it.
 */
@QuarkusTest
@TestProfile(OutboxExactlyOnceTest.ShortTimeouts.class)
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OutboxExactlyOnceTest {

    /** Timeouts short enough that acks after the broker's restart arrive later than the relay waits. */
    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kanoon.outbox.relay.send-timeout", "1s", "kanoon.outbox.relay.max-backoff", "300ms");
        }
    }

    record Step(String aggregate, int n, String filler) {
    }

    @Inject
    Outbox outbox;

    private static CloudEvent event(String aggregate, int n, String filler) {
        return CloudEvents.create("/kanoon/platformtest", "ir.kanoon.platformtest.step.v1", aggregate, "IR-07",
                new Step(aggregate, n, filler));
    }

    private void writeCommitted(String topic, CloudEvent e) {
        QuarkusTransaction.requiringNew().run(() -> outbox.write(e, topic));
    }

    private static String id(ConsumerRecord<String, String> r) {
        return CloudEvents.fromJson(r.value()).id();
    }

    private static List<String> ids(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(OutboxExactlyOnceTest::id).toList();
    }

    @Test
    void brokerStoppedAndRestartedUnderWrites_aReadCommittedReaderSeesEachEventOnce() throws Exception {
        String topic = TopicReader.create("test.outbox.eos." + UUID.randomUUID());
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int n = 0; writing.get(); n++) {
                    CloudEvent e = event("eos-" + writer + "-" + (n % 7), n, "");
                    writeCommitted(topic, e);
                    written.add(e.id());
                    sleep(10);
                }
            }));
        }
        try {
            sleep(1500); // the relay is busy publishing when the broker goes
            KafkaTestResource.stopBroker();
            sleep(6000); // writes go on (the API stays up), the relay fails and retries
            KafkaTestResource.startBroker();
            sleep(1500);
        } finally {
            writing.set(false);
            for (Future<?> w : writers) {
                w.get();
            }
            pool.shutdown();
        }
        List<ConsumerRecord<String, String>> got = TopicReader.readUntil(topic, Duration.ofSeconds(120),
                rs -> ids(rs).containsAll(written), Duration.ofSeconds(3));
        Map<String, Long> counts = got.stream().collect(Collectors.groupingBy(OutboxExactlyOnceTest::id, Collectors.counting()));
        assertTrue(counts.keySet().containsAll(written), "every event arrived");
        assertEquals(written.size(), got.size(), "each of " + written.size() + " events exactly once; repeated: "
                + counts.entrySet().stream().filter(en -> en.getValue() > 1).toList());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package ir.kanoon.platform.consumer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.support.RecordingHandler;
import ir.kanoon.platform.support.TopicReader;
import ir.kanoon.platform.testing.KafkaTestResource;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.PostgresTestResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static ir.kanoon.platform.support.Events.applied;
import static ir.kanoon.platform.support.Events.appliedOrder;
import static ir.kanoon.platform.support.Events.event;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Idempotent consumption: dedup by event id in the consumer's transaction; unprocessable events go to
 * the dead-letter topic at once; transient failures are retried in place, never skipped.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IdempotentConsumerTest {

    private static final String DLT = EventConsumers.deadLetterTopic(RecordingHandler.TOPIC, RecordingHandler.GROUP);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RecordingHandler handler;

    private static void send(CloudEvent... events) throws Exception {
        ir.kanoon.platform.support.Events.send(RecordingHandler.TOPIC, events);
    }

    private void sendRaw(String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(RecordingHandler.TOPIC, "poison", value)).get();
        }
    }

    private static String aggregate() {
        return UUID.randomUUID().toString();
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() throws Exception {
        String aggregate = aggregate();
        CloudEvent twice = event(aggregate, Map.of());
        CloudEvent marker = event(aggregate, Map.of());
        // All three share a key, so one partition, read in order: once the marker is applied, both copies
        // of the duplicate have been through the consumer — no sleep needed to wait for the second copy.
        send(twice, twice, marker);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(dataSource, marker.id()) == 1);
        assertEquals(1, applied(dataSource, twice.id()));
        assertEquals(1, handler.invocations(twice.id()), "the handler itself ran once");
    }

    @Test
    void anUnprocessableEventGoesToTheDeadLetterTopicAtOnceAndLaterEventsGoOn() throws Exception {
        String aggregate = aggregate();
        CloudEvent failing = event(aggregate, Map.of("fail", true));
        CloudEvent next = event(aggregate, Map.of());
        send(failing, next);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(dataSource, next.id()) == 1);
        assertEquals(0, applied(dataSource, failing.id()), "a failed attempt leaves no changes (its transaction rolled back)");
        assertEquals(1, handler.invocations(failing.id()), "a permanent failure is not retried");
        List<ConsumerRecord<String, String>> parked = TopicReader.readUntil(DLT, Duration.ofSeconds(30),
                rs -> rs.stream().anyMatch(r -> r.value().contains(failing.id())));
        ConsumerRecord<String, String> record = parked.stream().filter(r -> r.value().contains(failing.id()))
                .findFirst().orElseThrow();
        assertEquals(RecordingHandler.TOPIC,
                new String(record.headers().lastHeader("dlt-original-topic").value(), StandardCharsets.UTF_8));
        assertEquals("asked to fail", new String(record.headers().lastHeader("dlt-reason").value(), StandardCharsets.UTF_8));
    }

    @Test
    void aTransientFailureIsRetriedInPlaceBeyondMaxAttemptsNeverDeadLetteredAndLaterEventsWait() throws Exception {
        String aggregate = aggregate();
        // fails 5 times: more than kanoon.consumer.max-attempts (3), after which the old loop dead-lettered it
        CloudEvent flaky = event(aggregate, Map.of("failTimes", 5));
        CloudEvent later = event(aggregate, Map.of());
        send(flaky, later);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(dataSource, later.id()) == 1);
        assertEquals(1, applied(dataSource, flaky.id()), "applied once, after its failed attempts rolled back");
        assertEquals(6, handler.invocations(flaky.id()));
        assertEquals(List.of(flaky.id(), later.id()), appliedOrder(dataSource, List.of(flaky.id(), later.id())),
                "the later event of the aggregate waited behind the failing one");
        assertTrue(TopicReader.readFor(DLT, Duration.ofSeconds(2)).stream().noneMatch(r -> r.value().contains(flaky.id())),
                "a transient failure never reaches the dead-letter topic");
    }

    @Test
    void aRecordThatIsNotACloudEventIsParkedAtOnce() throws Exception {
        String marker = "not-an-event-" + UUID.randomUUID();
        sendRaw(marker);
        List<ConsumerRecord<String, String>> parked = TopicReader.readUntil(DLT, Duration.ofSeconds(30),
                rs -> rs.stream().anyMatch(r -> marker.equals(r.value())));
        assertEquals(1, parked.stream().filter(r -> marker.equals(r.value())).count());
    }
}

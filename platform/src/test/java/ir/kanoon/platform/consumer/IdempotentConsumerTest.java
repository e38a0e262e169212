package ir.kanoon.platform.consumer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.events.CloudEvents;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Idempotent consumption: dedup by event id in the consumer's transaction; failures retried, then parked. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IdempotentConsumerTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RecordingHandler handler;

    private void send(CloudEvent... events) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (CloudEvent e : events) {
                producer.send(new ProducerRecord<>(RecordingHandler.TOPIC, e.subject(), CloudEvents.toJson(e))).get();
            }
        }
    }

    private void sendRaw(String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(RecordingHandler.TOPIC, "poison", value)).get();
        }
    }

    private long applied(String eventId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM test_applied_event WHERE event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static CloudEvent event(boolean fail) {
        String aggregate = UUID.randomUUID().toString();
        return CloudEvents.create("/kanoon/other", "ir.kanoon.other.thing.happened.v1", aggregate, "IR-07",
                Map.of("fail", fail));
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() throws Exception {
        CloudEvent twice = event(false);
        CloudEvent marker = event(false);
        send(twice, twice, marker); // same partition (same key) for the duplicate: the marker comes after both
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(marker.id()) == 1 && applied(twice.id()) >= 1);
        // the second copy was read before the marker was handled on its partition, or is read now: wait a bit
        Thread.sleep(500);
        assertEquals(1, applied(twice.id()));
        assertEquals(1, handler.invocations(twice.id()), "the handler itself ran once");
    }

    @Test
    void aFailingEventIsRetriedThenParkedOnTheDeadLetterTopicAndOthersGoOn() throws Exception {
        CloudEvent failing = event(true);
        CloudEvent next = event(false);
        send(failing, next);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(next.id()) == 1);
        assertEquals(0, applied(failing.id()), "a failed attempt leaves no changes (its transaction rolled back)");
        assertEquals(3, handler.invocations(failing.id()), "kanoon.consumer.max-attempts attempts");
        String dlt = EventConsumers.deadLetterTopic(RecordingHandler.TOPIC, RecordingHandler.GROUP);
        List<ConsumerRecord<String, String>> parked = TopicReader.readUntil(dlt, Duration.ofSeconds(30),
                rs -> rs.stream().anyMatch(r -> r.value().contains(failing.id())));
        ConsumerRecord<String, String> record = parked.stream().filter(r -> r.value().contains(failing.id()))
                .findFirst().orElseThrow();
        assertEquals(RecordingHandler.TOPIC,
                new String(record.headers().lastHeader("dlt-original-topic").value(), StandardCharsets.UTF_8));
        assertEquals(true, new String(record.headers().lastHeader("dlt-reason").value(), StandardCharsets.UTF_8)
                .contains("asked to fail"));
    }

    @Test
    void aRecordThatIsNotACloudEventIsParkedAtOnce() throws Exception {
        String marker = "not-an-event-" + UUID.randomUUID();
        sendRaw(marker);
        String dlt = EventConsumers.deadLetterTopic(RecordingHandler.TOPIC, RecordingHandler.GROUP);
        List<ConsumerRecord<String, String>> parked = TopicReader.readUntil(dlt, Duration.ofSeconds(30),
                rs -> rs.stream().anyMatch(r -> marker.equals(r.value())));
        assertEquals(1, parked.stream().filter(r -> marker.equals(r.value())).count());
    }
}

package ir.kanoon.platform.consumer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.events.CloudEvents;
import ir.kanoon.platform.support.Events;
import ir.kanoon.platform.support.RecordingHandler;
import ir.kanoon.platform.testing.KafkaTestResource;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.PostgresTestResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Offsets are committed after every poll without the loop waiting for the broker (issue 13, figure 4: member
 * admitted → visible in networking's directory). The old loop called {@code commitSync} after each poll, a broker
 * round trip (OffsetCommit) that every record of the next poll waited for; the group's offsets must still reach
 * what was applied, so a restarted consumer does not read it all again.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConsumerOffsetCommitTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventConsumers consumers;

    @Test
    void offsetsAreCommittedAfterEachPoll_withoutThePollLoopEverWaitingForACommit() throws Exception {
        ConsumerLoop loop = consumers.loop(RecordingHandler.GROUP);
        await().atMost(Duration.ofSeconds(60)).until(() -> loop.commitSyncNanos() >= 0); // its consumer exists
        long asyncBefore = loop.asyncCommits();

        // one record per send, so the loop polls (and commits) many times; the highest offset written per partition
        Map<TopicPartition, Long> last = new HashMap<>();
        String[] ids = new String[12];
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < ids.length; i++) {
                CloudEvent e = Events.event(UUID.randomUUID().toString(), Map.of());
                ids[i] = e.id();
                RecordMetadata m = producer.send(new ProducerRecord<>(RecordingHandler.TOPIC, e.subject(),
                        CloudEvents.toJson(e))).get();
                last.merge(new TopicPartition(m.topic(), m.partition()), m.offset(), Math::max);
                String id = e.id();
                await().atMost(Duration.ofSeconds(30)).until(() -> Events.applied(dataSource, id) == 1);
            }
        }

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(RecordingHandler.GROUP)
                        .partitionsToOffsetAndMetadata().get();
                last.forEach((tp, offset) -> {
                    OffsetAndMetadata c = committed.get(tp);
                    assertTrue(c != null && c.offset() > offset,
                            "the group's offset of " + tp + " is past the last applied record " + offset + ": " + c);
                });
            });
        }
        assertTrue(loop.asyncCommits() - asyncBefore >= 1, "committed asynchronously after its polls");
        assertEquals(0.0, loop.commitSyncNanos(),
                "the poll loop never blocked in commitSync (the client's commit-sync-time-ns-total)");
    }
}

package ir.kanoon.platform.consumer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.support.Events;
import ir.kanoon.platform.support.RecordingHandler;
import ir.kanoon.platform.support.TopicReader;
import ir.kanoon.platform.testing.KafkaTestResource;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.PostgresTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL stopped under a running consumer for longer than max-attempts (3): the events wait (the
 * partition is paused, the consumer stays in its group) and are applied exactly once and in order when
 * the database returns; none reaches the dead-letter topic.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConsumerDatabaseOutageTest {

    private static final String DATA = "checks.find { it.name == 'event-consumer " + RecordingHandler.GROUP + "' }.data";

    @Inject
    AgroalDataSource dataSource;

    private static int failedAttempts() {
        Object n = given().get("/q/health/live").then().extract().path(DATA + ".failedAttempts");
        return n == null ? 0 : ((Number) n).intValue();
    }

    @Test
    void databaseDownUnderAConsumer_eventsAreAppliedOnceInOrderAfterItReturns_nothingDeadLettered() throws Exception {
        String aggregate = UUID.randomUUID().toString();
        CloudEvent warmUp = Events.event(aggregate, Map.of());
        Events.send(RecordingHandler.TOPIC, warmUp);
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.applied(dataSource, warmUp.id()) == 1);

        List<String> ids = new ArrayList<>();
        PostgresTestResource.stopServer();
        try {
            CloudEvent[] events = new CloudEvent[6];
            for (int i = 0; i < events.length; i++) {
                events[i] = Events.event(aggregate, Map.of("n", i));
                ids.add(events[i].id());
            }
            Events.send(RecordingHandler.TOPIC, events);
            // well past kanoon.consumer.max-attempts (3), after which an event that failed for any other reason
            // would be dead-lettered: a real outage must be recognised as one (FailureClassifier)
            await().atMost(Duration.ofSeconds(90)).until(() -> failedAttempts() >= 5);
        } finally {
            PostgresTestResource.startServer();
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> Events.appliedOrder(dataSource, ids).size() >= ids.size());
        assertEquals(ids, Events.appliedOrder(dataSource, ids), "each event applied exactly once, in order");
        String dlt = EventConsumers.deadLetterTopic(RecordingHandler.TOPIC, RecordingHandler.GROUP);
        assertTrue(TopicReader.readFor(dlt, Duration.ofSeconds(2)).stream()
                        .noneMatch(r -> ids.stream().anyMatch(id -> r.value().contains(id))),
                "nothing on the dead-letter topic");
    }
}

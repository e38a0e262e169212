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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static ir.kanoon.platform.support.Events.applied;
import static ir.kanoon.platform.support.Events.appliedOrder;
import static ir.kanoon.platform.support.Events.event;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Idempotent consumption: dedup by event id in the consumer's transaction; unprocessable events go to
 * the dead-letter topic at once; a failing handler is retried in place, then dead-lettered with its reason
 * so the partition keeps flowing (issue 14, Faults: "a consumer fails on a poison event"); a lost database
 * connection is retried for as long as it lasts, never dead-lettered.
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

    @Inject
    ConsumerSettings settings;

    private static String header(ConsumerRecord<String, String> record, String name) {
        org.apache.kafka.common.header.Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<String, String> deadLettered(String eventId) {
        return TopicReader.readUntil(DLT, Duration.ofSeconds(30),
                        rs -> rs.stream().anyMatch(r -> r.value().contains(eventId)))
                .stream().filter(r -> r.value().contains(eventId)).findFirst()
                .orElseThrow(() -> new AssertionError("event " + eventId + " not on " + DLT));
    }

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
        assertEquals("1", header(record, "dlt-attempts"));
    }

    @Test
    void aHandlerFailureIsRetriedInPlaceAndLaterEventsOfTheAggregateWait() throws Exception {
        String aggregate = aggregate();
        int failures = settings.maxAttempts() - 1; // one short of dead-lettering
        CloudEvent flaky = event(aggregate, Map.of("failTimes", failures));
        CloudEvent later = event(aggregate, Map.of());
        send(flaky, later);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(dataSource, later.id()) == 1);
        assertEquals(1, applied(dataSource, flaky.id()), "applied once, after its failed attempts rolled back");
        assertEquals(failures + 1, handler.invocations(flaky.id()));
        assertEquals(List.of(flaky.id(), later.id()), appliedOrder(dataSource, List.of(flaky.id(), later.id())),
                "the later event of the aggregate waited behind the failing one");
        assertTrue(TopicReader.readFor(DLT, Duration.ofSeconds(2)).stream().noneMatch(r -> r.value().contains(flaky.id())),
                "a failure that passes within max-attempts never reaches the dead-letter topic");
    }

    @Test
    void aPoisonEventIsTriedMaxAttemptsTimesThenDeadLetteredWithReasonAndAttempts_andTheNextEventOfItsPartitionIsApplied()
            throws Exception {
        String aggregate = aggregate();
        // throws an IllegalStateException on every attempt: the old loop retried it for ever, blocking the partition
        CloudEvent poison = event(aggregate, Map.of("failTimes", Integer.MAX_VALUE));
        CloudEvent next = event(aggregate, Map.of()); // same key: same partition, behind the poison
        send(poison, next);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(dataSource, next.id()) == 1);
        assertEquals(0, applied(dataSource, poison.id()), "every failed attempt rolled back");
        assertEquals(settings.maxAttempts(), handler.invocations(poison.id()), "attempted exactly max-attempts times");

        ConsumerRecord<String, String> parked = deadLettered(poison.id());
        assertEquals(aggregate, parked.key(), "keyed as the original");
        assertTrue(header(parked, "dlt-reason").startsWith("IllegalStateException: handler failure "),
                "the reason names the failure: " + header(parked, "dlt-reason"));
        assertEquals(String.valueOf(settings.maxAttempts()), header(parked, "dlt-attempts"));
        Instant first = Instant.parse(header(parked, "dlt-first-failure-at"));
        Instant last = Instant.parse(header(parked, "dlt-last-failure-at"));
        assertTrue(first.isBefore(last), "retried with backoff between the first and the last failure: " + first + " " + last);
        assertEquals(RecordingHandler.TOPIC, header(parked, "dlt-original-topic"));
        assertEquals(RecordingHandler.GROUP, header(parked, "dlt-consumer-group"));

        assertEquals(settings.maxAttempts(), handler.invocations(poison.id()), "not attempted again after dead-lettering");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double deadLettered = metric(metrics, "kanoon_consumer_dead_lettered_total", RecordingHandler.GROUP);
        double retries = metric(metrics, "kanoon_consumer_retries_total", RecordingHandler.GROUP);
        assertTrue(deadLettered >= 1 && retries >= settings.maxAttempts() - 1,
                "retries and dead-lettered records are counted: dead-lettered " + deadLettered + ", retries " + retries);
    }

    @Test
    void aStatementPostgresRefusesEveryTimeIsTheEventsFault_retriedMaxAttemptsThenDeadLetteredWithItsSqlState()
            throws Exception {
        String aggregate = aggregate();
        CloudEvent poison = event(aggregate, Map.of("refusedByDatabase", true));
        CloudEvent next = event(aggregate, Map.of());
        send(poison, next);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(dataSource, next.id()) == 1);
        assertEquals(settings.maxAttempts(), handler.invocations(poison.id()));
        ConsumerRecord<String, String> parked = deadLettered(poison.id());
        assertTrue(header(parked, "dlt-reason").contains("[SQLState 22012]"),
                "the reason names the database's refusal: " + header(parked, "dlt-reason"));
        assertEquals(String.valueOf(settings.maxAttempts()), header(parked, "dlt-attempts"));
    }

    @Test
    void aLostDatabaseConnectionIsRetriedBeyondMaxAttemptsNeverDeadLettered_andAppliedOnceItRecovers() throws Exception {
        String aggregate = aggregate();
        int failures = settings.maxAttempts() + 2; // more than would dead-letter any other failure
        CloudEvent event = event(aggregate, Map.of("connectionFailTimes", failures));
        CloudEvent later = event(aggregate, Map.of());
        send(event, later);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied(dataSource, later.id()) == 1);
        assertEquals(1, applied(dataSource, event.id()), "applied once the connection failures stopped");
        assertEquals(failures + 1, handler.invocations(event.id()));
        assertEquals(List.of(event.id(), later.id()), appliedOrder(dataSource, List.of(event.id(), later.id())),
                "the later event of the aggregate waited");
        assertTrue(TopicReader.readFor(DLT, Duration.ofSeconds(2)).stream().noneMatch(r -> r.value().contains(event.id())),
                "an outage of our own database never dead-letters an event");
    }

    /** The value of a series of {@code name} whose labels include {@code group="<group>"}, or -1. */
    private static double metric(String exposition, String name, String group) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(name + "{") && line.contains("group=\"" + group + "\"")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
            }
        }
        return -1;
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

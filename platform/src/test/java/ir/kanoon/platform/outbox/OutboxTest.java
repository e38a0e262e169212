package ir.kanoon.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.events.CloudEvents;
import ir.kanoon.platform.support.TopicReader;
import ir.kanoon.platform.testing.KafkaTestResource;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.PostgresTestResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transactional outbox against real PostgreSQL and a real Kafka broker. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OutboxTest {

    record Step(String aggregate, int n) {
    }

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelayService relayService;

    @Inject
    AgroalDataSource dataSource;

    private static String topic() {
        return TopicReader.create("test.outbox." + UUID.randomUUID());
    }

    private CloudEvent event(String aggregate, int n) {
        return CloudEvents.create("/kanoon/platformtest", "ir.kanoon.platformtest.step.v1", aggregate, "IR-07",
                new Step(aggregate, n));
    }

    private void writeCommitted(String topic, CloudEvent e) {
        QuarkusTransaction.requiringNew().run(() -> outbox.write(e, topic));
    }

    private static Set<String> ids(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> CloudEvents.fromJson(r.value()).id()).collect(Collectors.toSet());
    }

    private long pendingRows(String topic) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox_event WHERE topic = '" + topic + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void recordBuildsTheConventionsEnvelopeOnTheServiceTopic() {
        String aggregate = UUID.randomUUID().toString();
        CloudEvent e = QuarkusTransaction.requiringNew().call(() ->
                outbox.record("thing.created", aggregate, "IR-04", Map.of("name", "x")));
        assertEquals("ir.kanoon.platformtest.thing.created.v1", e.type());
        List<ConsumerRecord<String, String>> got = TopicReader.readUntil("kanoon.platformtest.events",
                Duration.ofSeconds(30), rs -> ids(rs).contains(e.id()));
        ConsumerRecord<String, String> record = got.stream()
                .filter(r -> CloudEvents.fromJson(r.value()).id().equals(e.id())).findFirst().orElseThrow();
        assertEquals(aggregate, record.key(), "record key is the aggregate id");
        CloudEvent back = CloudEvents.fromJson(record.value());
        assertEquals("/kanoon/platformtest", back.source());
        assertEquals("IR-04", back.provincecode());
        assertEquals("application/cloudevents+json; charset=UTF-8",
                new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String topic = topic();
        CloudEvent rolledBack = event("agg", 1);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.write(rolledBack, topic);
                throw new IllegalStateException("business rule failed after the event was recorded");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        CloudEvent committed = event("agg", 2);
        writeCommitted(topic, committed);
        List<ConsumerRecord<String, String>> got = TopicReader.readUntil(topic, Duration.ofSeconds(30),
                rs -> ids(rs).contains(committed.id()));
        assertTrue(ids(got).contains(committed.id()));
        // the committed one came after the rolled-back one was written: had it been published, it would be here
        got.addAll(TopicReader.readFor(topic, Duration.ofSeconds(1)));
        assertFalse(ids(got).contains(rolledBack.id()));
    }

    @Test
    void eventsReachKafkaInPerAggregateOrder() throws Exception {
        String topic = topic();
        List<String> aggregates = List.of("a-" + UUID.randomUUID(), "b-" + UUID.randomUUID(), "c-" + UUID.randomUUID());
        int perAggregate = 60;
        // one writer thread per aggregate: the aggregates' events interleave in the table
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> writers = new ArrayList<>();
        for (String aggregate : aggregates) {
            writers.add(pool.submit(() -> {
                for (int n = 0; n < perAggregate; n++) {
                    writeCommitted(topic, event(aggregate, n));
                }
            }));
        }
        for (Future<?> w : writers) {
            w.get();
        }
        pool.shutdown();
        List<ConsumerRecord<String, String>> got = TopicReader.readUntil(topic, Duration.ofSeconds(60),
                rs -> rs.size() >= aggregates.size() * perAggregate);
        Map<String, List<Integer>> byAggregate = new HashMap<>();
        for (ConsumerRecord<String, String> r : got) {
            Step step = CloudEvents.data(CloudEvents.fromJson(r.value()), Step.class);
            assertEquals(step.aggregate(), r.key());
            byAggregate.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(step.n());
        }
        for (String aggregate : aggregates) {
            List<Integer> expected = new ArrayList<>();
            for (int n = 0; n < perAggregate; n++) {
                expected.add(n);
            }
            assertEquals(expected, byAggregate.get(aggregate), "order of " + aggregate);
        }
    }

    @Test
    void rowsWrittenWhileKafkaIsDownAreAllDeliveredWhenItReturns() throws Exception {
        String topic = topic();
        CloudEvent warmUp = event("warm", 0);
        writeCommitted(topic, warmUp);
        TopicReader.readUntil(topic, Duration.ofSeconds(30), rs -> ids(rs).contains(warmUp.id()));

        KafkaTestResource.stopBroker();
        List<String> written = new ArrayList<>();
        try {
            for (int n = 0; n < 50; n++) {
                CloudEvent e = event("outage-" + (n % 5), n);
                writeCommitted(topic, e);
                written.add(e.id());
            }
            Thread.sleep(2000); // the relay tries, fails and keeps the rows
            assertEquals(50, pendingRows(topic), "nothing is dropped while Kafka is down");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health").then()
                    .body("checks.find { it.name == 'outbox' }.data.pending", org.hamcrest.Matchers.greaterThanOrEqualTo(50)));
        } finally {
            KafkaTestResource.startBroker();
        }
        List<ConsumerRecord<String, String>> got = TopicReader.readUntil(topic, Duration.ofSeconds(90),
                rs -> ids(rs).containsAll(written));
        assertTrue(ids(got).containsAll(written), "all 50 delivered after the outage");
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingRows(topic) == 0);
    }

    @Test
    void twoRelaysOnOneTablePublishEachRowOnce() throws Exception {
        String topic = topic();
        // the application's relay plus two more instances on the same table, as three service replicas would be
        OutboxRelay second = new OutboxRelay(dataSource, relayService.settings(Map.of()), lag -> { });
        OutboxRelay third = new OutboxRelay(dataSource, relayService.settings(Map.of()), lag -> { });
        second.start("relay-2");
        third.start("relay-3");
        List<String> written = new ArrayList<>();
        try {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<List<String>>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int n = 0; n < 75; n++) {
                        CloudEvent e = event("w" + writer + "-" + (n % 10), n);
                        writeCommitted(topic, e);
                        mine.add(e.id());
                    }
                    return mine;
                }));
            }
            for (Future<List<String>> f : writers) {
                written.addAll(f.get());
            }
            pool.shutdown();
            // keep reading 2 s after the last expected row so that late duplicates would be seen too
            List<ConsumerRecord<String, String>> got = TopicReader.readUntil(topic, Duration.ofSeconds(60),
                    rs -> ids(rs).containsAll(written), Duration.ofSeconds(2));
            Map<String, Long> counts = got.stream()
                    .collect(Collectors.groupingBy(r -> CloudEvents.fromJson(r.value()).id(), Collectors.counting()));
            assertEquals(300, counts.size());
            assertTrue(counts.values().stream().allMatch(c -> c == 1), "no row published twice: " +
                    counts.entrySet().stream().filter(en -> en.getValue() > 1).toList());
        } finally {
            second.stop();
            third.stop();
        }
    }

    @Test
    void lagIsExposedAsMetricsAndLivenessHealth() {
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.name", hasItem("outbox"))
                .body("checks.find { it.name == 'outbox' }.data.relay", equalTo("running"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("kanoon_outbox_pending_events"))
                .body(containsString("kanoon_outbox_parked_events"))
                .body(containsString("kanoon_outbox_blocked_events"))
                .body(containsString("kanoon_outbox_publish_lag_seconds_bucket"));
    }

    @Test
    void eachPublishedBatchIsTimedPerPhase() throws Exception {
        // issue 13, figure 7: where commit → Kafka latency goes, per batch, in production as in bench/outbox
        String topic = topic();
        CloudEvent e = event("phases", 1);
        writeCommitted(topic, e);
        TopicReader.readUntil(topic, Duration.ofSeconds(30), rs -> ids(rs).contains(e.id()));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String phase : List.of("select", "send", "kafka-commit", "db-commit")) {
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("kanoon_outbox_relay_phase_seconds_count{")
                            && l.contains("phase=\"" + phase + "\"") && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= 1),
                    "batches timed in phase " + phase);
        }
        assertTrue(metrics.contains("kanoon_outbox_relay_wait_seconds{quantile=\"0.99\""), "oldest row's wait, with p99");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("kanoon_outbox_relay_batch_events_count")
                && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= 1), "events per batch");
    }
}

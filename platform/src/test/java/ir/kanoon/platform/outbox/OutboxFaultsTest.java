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
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox relay under real faults: a refused record, a Kafka outage, concurrent writers of one aggregate. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OutboxFaultsTest {

    record Step(String aggregate, int n, String filler) {
    }

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelayService relayService;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

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
        return records.stream().map(OutboxFaultsTest::id).toList();
    }

    private String status(String eventId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT status || coalesce(' ' || parked_reason, '') FROM outbox_event WHERE id = ?::uuid")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "published";
            }
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers()));
    }

    @Test
    void kafkaDownWithAnOldPendingRow_readinessStaysUp_lagIsReportedInHealthData() throws Exception {
        String topic = TopicReader.create("test.outbox.lag." + UUID.randomUUID());
        CloudEvent old = event("lag-" + UUID.randomUUID(), 0, "");
        KafkaTestResource.stopBroker();
        try {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO outbox_event (id, topic, aggregate_id, event_type, payload, created_at) "
                            + "VALUES (?::uuid, ?, ?, ?, ?, clock_timestamp() - interval '20 minutes')")) {
                ps.setString(1, old.id());
                ps.setString(2, topic);
                ps.setString(3, old.subject());
                ps.setString(4, old.type());
                ps.setString(5, CloudEvents.toJson(old));
                ps.executeUpdate();
            }
            // 20 minutes of lag (> kanoon.outbox.health.max-lag, 15m): the API still serves, so it stays ready
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.name", not(hasItem("outbox")));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health").then()
                    .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'outbox' }.data.oldestPendingSeconds", greaterThanOrEqualTo(1200))
                    .body("checks.find { it.name == 'outbox' }.data.lagging", equalTo(true)));
        } finally {
            KafkaTestResource.startBroker();
        }
        List<ConsumerRecord<String, String>> got = TopicReader.readUntil(topic, Duration.ofSeconds(90),
                rs -> ids(rs).contains(old.id()));
        assertTrue(ids(got).contains(old.id()), "delivered once Kafka is back");
    }

    @Test
    void aRecordKafkaRefusesIsParked_laterEventsOfItsAggregateWait_othersFlow_requeueReleasesThemInOrder() throws Exception {
        String topic = "test.outbox.small." + UUID.randomUUID();
        try (Admin admin = admin()) {
            // the broker refuses records over 100 kB on this topic (as it would an unauthorised topic): for good
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of("max.message.bytes", "100000")))).all().get();
        }
        byte[] noise = new byte[400_000];
        new SecureRandom().nextBytes(noise); // incompressible: lz4 cannot bring it under the limit
        String aggregate = "refused-" + UUID.randomUUID();
        CloudEvent tooLarge = event(aggregate, 1, Base64.getEncoder().encodeToString(noise));
        CloudEvent behind = event(aggregate, 2, "");
        CloudEvent other = event("other-" + UUID.randomUUID(), 1, "");
        writeCommitted(topic, tooLarge);
        writeCommitted(topic, behind);
        writeCommitted(topic, other);

        // linger: a relay that re-sent the batch, or sent the held event, would show it within 2 s
        List<ConsumerRecord<String, String>> got = TopicReader.readUntil(topic, Duration.ofSeconds(60),
                rs -> ids(rs).contains(other.id()), Duration.ofSeconds(2));
        assertTrue(ids(got).contains(other.id()), "another aggregate's event is not blocked by the refused one");
        assertFalse(ids(got).contains(behind.id()), "not sent ahead of the parked event of its aggregate");
        assertEquals(1, ids(got).stream().filter(other.id()::equals).count(), "sent once, not with every retry");
        assertTrue(status(tooLarge.id()).startsWith("PARKED RecordTooLargeException"), status(tooLarge.id()));
        assertEquals("PENDING", status(behind.id()), "held behind the parked event of its aggregate");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health").then()
                .body("checks.find { it.name == 'outbox' }.data.parked", greaterThanOrEqualTo(1))
                .body("checks.find { it.name == 'outbox' }.data.blocked", greaterThanOrEqualTo(1)));
        given().get("/q/metrics").then().body(org.hamcrest.Matchers.matchesPattern(
                "(?s).*kanoon_outbox_parked_events(\\{[^}]*})? [1-9].*"));

        // the operator raises the topic's limit and re-queues: the parked event, then the one behind it
        try (Admin admin = admin()) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", "2000000"), AlterConfigOp.OpType.SET))))
                    .all().get();
        }
        assertTrue(relayService.requeue(UUID.fromString(tooLarge.id())));
        got = TopicReader.readUntil(topic, Duration.ofSeconds(60), rs -> ids(rs).contains(behind.id()));
        List<String> order = ids(got).stream().filter(i -> i.equals(tooLarge.id()) || i.equals(behind.id())).toList();
        assertEquals(List.of(tooLarge.id(), behind.id()), order, "per-aggregate order kept across the park");
    }

    @Test
    void eventsOfOneAggregateWrittenByManyThreadsReachKafkaInCommitOrder() throws Exception {
        String topic = TopicReader.create("test.outbox.same." + UUID.randomUUID());
        String aggregate = "same-" + UUID.randomUUID();
        List<String> commitOrder = Collections.synchronizedList(new ArrayList<>());
        int writes = 40;
        // Hold the relay back (its advisory lock) until every writer committed, as after an outage: it then
        // publishes by seq, so seq order must be commit order for the aggregate — with or without @Version.
        try (Connection hold = dataSource.getConnection()) {
            hold.setAutoCommit(false);
            try (Statement s = hold.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + OutboxRelay.LOCK_KEY + ")");
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> writers = new ArrayList<>();
            for (int n = 0; n < writes; n++) {
                int step = n;
                writers.add(pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                    CloudEvent e = event(aggregate, step, "");
                    outbox.write(e, topic);
                    // just before the commit: with the aggregate's lock held, this is commit order
                    transactions.registerInterposedSynchronization(new Synchronization() {
                        @Override
                        public void beforeCompletion() {
                            commitOrder.add(e.id());
                        }

                        @Override
                        public void afterCompletion(int status) {
                        }
                    });
                    if (step % 4 == 0) {
                        sleep(150); // a slow transaction: written early, committed late
                    }
                })));
            }
            for (Future<?> w : writers) {
                w.get();
            }
            pool.shutdown();
            hold.commit();
        }
        List<ConsumerRecord<String, String>> got = TopicReader.readUntil(topic, Duration.ofSeconds(60),
                rs -> rs.size() >= writes);
        assertEquals(commitOrder, ids(got), "topic order of the aggregate == commit order");
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

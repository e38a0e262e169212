package ir.kanoon.platform.outbox;

import io.agroal.api.AgroalDataSource;
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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The duplicate window of the relay (issue 14, Faults; bench/faults/RESULTS.md: 2 duplicate event ids after a
 * PostgreSQL restart): a batch whose Kafka transaction committed but whose database commit did not. Either the
 * relay's own connection is killed there (it recovers in process), or the relay dies there and a new relay
 * instance takes over (it recovers from what is on the topic). Either way each event is on the topic once.
 *
 * <p>The application's relay is off: the relays here are built by the tests, so the batch that hits the fault
 * is theirs.
 */
@QuarkusTest
@TestProfile(OutboxRecoveryTest.NoApplicationRelay.class)
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OutboxRecoveryTest {

    public static class NoApplicationRelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kanoon.outbox.relay.enabled", "false");
        }
    }

    /** What a SIGKILL does to the relay thread: it stops where it is, no cleanup, no database commit. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash right after the Kafka commit", null, false, false);
        }
    }

    record Step(String aggregate, int n) {
    }

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelayService relayService;

    @Inject
    AgroalDataSource dataSource;

    private static CloudEvent event(String aggregate, int n) {
        return CloudEvents.create("/kanoon/platformtest", "ir.kanoon.platformtest.step.v1", aggregate, "IR-07",
                new Step(aggregate, n));
    }

    /** Commits events {@code from .. from+count-1} of four aggregates named after the prefix, one transaction each. */
    private List<String> write(String topic, String prefix, int from, int count) {
        List<String> ids = new ArrayList<>();
        for (int n = from; n < from + count; n++) {
            CloudEvent e = event(prefix + "-" + (n % 4), n);
            QuarkusTransaction.requiringNew().run(() -> outbox.write(e, topic));
            ids.add(e.id());
        }
        return ids;
    }

    private OutboxRelay relay() {
        return new OutboxRelay(dataSource, relayService.settings(Map.of()), lag -> { });
    }

    private long rows(String topic) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outbox_event WHERE topic = ?")) {
            ps.setString(1, topic);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Kills the backend of the relay's batch connection (as a PostgreSQL restart would) and waits until it is gone. */
    private void terminateBackendOf(Connection batchConnection) throws Exception {
        int pid;
        try (PreparedStatement ps = batchConnection.prepareStatement("SELECT pg_backend_pid()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            pid = rs.getInt(1);
        }
        try (Connection admin = dataSource.getConnection();
             PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?)");
             PreparedStatement alive = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
            kill.setInt(1, pid);
            kill.execute();
            alive.setInt(1, pid);
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                try (ResultSet rs = alive.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) == 0;
                }
            });
        }
    }

    /** Reads the topic until every id is there, then 3 s more so that a late re-send would be seen too. */
    private static List<ConsumerRecord<String, String>> readAll(String topic, List<String> ids) {
        return TopicReader.readUntil(topic, Duration.ofSeconds(90),
                rs -> rs.stream().map(r -> CloudEvents.fromJson(r.value()).id()).collect(Collectors.toSet()).containsAll(ids),
                Duration.ofSeconds(3));
    }

    private static void assertEachOnceInAggregateOrder(List<String> written, List<ConsumerRecord<String, String>> got) {
        Map<String, Long> counts = got.stream().collect(Collectors.groupingBy(r -> CloudEvents.fromJson(r.value()).id(),
                LinkedHashMap::new, Collectors.counting()));
        assertTrue(counts.keySet().containsAll(written), "every event is on the topic (nothing acknowledged lost)");
        List<String> repeated = counts.entrySet().stream().filter(en -> en.getValue() > 1).map(Map.Entry::getKey).toList();
        assertEquals(written.size(), got.size(), "each of " + written.size() + " events exactly once; "
                + repeated.size() + " repeated, e.g. " + repeated.stream().limit(3).toList());
        Map<String, List<Integer>> byAggregate = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : got) {
            Step step = CloudEvents.data(CloudEvents.fromJson(r.value()), Step.class);
            byAggregate.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(step.n());
        }
        byAggregate.forEach((aggregate, steps) ->
                assertEquals(steps.stream().sorted().toList(), steps, "per-aggregate order of " + aggregate));
    }

    @Test
    void relaysDatabaseConnectionKilledRightAfterTheKafkaCommit_eachEventOnceOnTheTopic_outboxEmpty() throws Exception {
        String topic = TopicReader.create("test.outbox.pgkill." + UUID.randomUUID());
        List<String> written = write(topic, "pgkill-" + UUID.randomUUID(), 0, 40);
        AtomicInteger kills = new AtomicInteger();
        OutboxRelay relay = relay();
        relay.afterKafkaCommit(c -> {
            if (kills.getAndIncrement() == 0) {
                terminateBackendOf(c); // the rows' DELETE and the commit now fail: Kafka has the batch, PostgreSQL does not know
            }
        });
        relay.start("relay-connection-killed");
        try {
            List<ConsumerRecord<String, String>> got = readAll(topic, written);
            assertTrue(kills.get() >= 1, "the connection was killed inside the window");
            assertEachOnceInAggregateOrder(written, got);
            await().atMost(Duration.ofSeconds(30)).until(() -> rows(topic) == 0);

            // and it goes on publishing normally afterwards
            List<String> later = write(topic, "pgkill-later-" + UUID.randomUUID(), 0, 5);
            List<String> all = new ArrayList<>(written);
            all.addAll(later);
            assertEachOnceInAggregateOrder(all, readAll(topic, all));
        } finally {
            relay.stop();
        }
    }

    @Test
    void connectionKilledAfterTheKafkaCommit_thenAnotherInstanceHoldsTheLock_theRelayStillDeletesRatherThanResends()
            throws Exception {
        String topic = TopicReader.create("test.outbox.pgkill-lock." + UUID.randomUUID());
        List<String> written = write(topic, "pgkill-lock-" + UUID.randomUUID(), 0, 20);
        AtomicInteger kills = new AtomicInteger();
        Connection hold = dataSource.getConnection();
        hold.setAutoCommit(false);
        OutboxRelay relay = relay();
        relay.afterKafkaCommit(c -> {
            if (kills.getAndIncrement() == 0) {
                terminateBackendOf(c);
                // another replica's turn: the relay's next rounds find the lock taken and do nothing
                try (PreparedStatement lock = hold.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, OutboxRelay.LOCK_KEY);
                    lock.execute();
                }
            }
        });
        relay.start("relay-killed-then-locked-out");
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> kills.get() >= 1);
            // the failed round leaves an error for at least the 100 ms backoff; a round without the lock clears it
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> relay.lastError() != null);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> relay.lastError() == null);
            hold.commit(); // the lock is free again; the relay's producer is still current, so no scan would help
            assertEachOnceInAggregateOrder(written, readAll(topic, written));
            await().atMost(Duration.ofSeconds(30)).until(() -> rows(topic) == 0);
        } finally {
            relay.stop();
            hold.close();
        }
    }

    @Test
    void relayDiesRightAfterTheKafkaCommit_aNewRelayInstancePublishesEachEventOnce() throws Exception {
        String topic = TopicReader.create("test.outbox.crash." + UUID.randomUUID());
        String prefix = "crash-" + UUID.randomUUID();
        List<String> written = write(topic, prefix, 0, 40);
        CountDownLatch crashed = new CountDownLatch(1);
        OutboxRelay dying = relay();
        dying.afterKafkaCommit(c -> {
            crashed.countDown();
            throw new SimulatedCrash();
        });
        dying.start("relay-dies");
        assertTrue(crashed.await(60, TimeUnit.SECONDS), "the relay reached the Kafka commit");
        // the relay thread ends with the crash uncaught, as a killed process would: Awaitility (which by default
        // rethrows any thread's uncaught throwable in the waiting test) must not take it for the test's failure
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10)).until(() -> !dying.isRunning());
        assertEquals(40, rows(topic), "the crash left the batch's rows in the outbox");

        // written after the crash, never sent: the successor must publish these, not mistake them for the lost batch
        List<String> afterCrash = write(topic, prefix, 40, 10);
        List<String> all = new ArrayList<>(written);
        all.addAll(afterCrash);

        OutboxRelay successor = relay();
        successor.start("relay-successor");
        try {
            List<ConsumerRecord<String, String>> got = readAll(topic, all);
            assertEachOnceInAggregateOrder(all, got);
            await().atMost(Duration.ofSeconds(30)).until(() -> rows(topic) == 0);
        } finally {
            successor.stop();
            dying.stop();
        }
    }
}

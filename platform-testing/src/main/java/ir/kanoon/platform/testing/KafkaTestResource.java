package ir.kanoon.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

import java.util.Map;

/**
 * A real Kafka broker (KRaft, {@link KafkaClusterTestKit}, no Docker) for {@code @QuarkusTest}s.
 *
 * <p>One cluster per test JVM (one controller, one broker on a random but stable port), shared by every
 * test class and closed by a shutdown hook. {@link #stopBroker()} / {@link #startBroker()} simulate an
 * outage: the broker keeps its port, so clients reconnect by themselves when it returns.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaClusterTestKit cluster;
    /** Held so the levels stick: the broker logs through JUL/JBoss LogManager before Quarkus configures logging. */
    private static final java.util.List<java.util.logging.Logger> QUIET = new java.util.ArrayList<>();

    private static void quietBrokerLogs() {
        for (String name : new String[]{"kafka", "org.apache.kafka", "state.change.logger", "org.apache.zookeeper"}) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            logger.setLevel(java.util.logging.Level.WARNING);
            QUIET.add(logger);
        }
    }

    public static synchronized KafkaClusterTestKit cluster() {
        if (cluster == null) {
            quietBrokerLogs();
            // A broker in the test JVM must never end that JVM (Kafka calls Exit.exit/halt on fatal errors, e.g.
            // while an outage test restarts it): say so on stderr and let the test fail on its own assertions.
            Exit.setExitProcedure((code, message) -> System.err.println("Kafka test broker asked to exit(" + code + "): " + message));
            Exit.setHaltProcedure((code, message) -> System.err.println("Kafka test broker asked to halt(" + code + "): " + message));
            try {
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setNumControllerNodes(1)
                        .setNumBrokerNodes(1)
                        .setCombined(false)
                        .build())
                        .setConfigProp("auto.create.topics.enable", "true")
                        .setConfigProp("num.partitions", "3")
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("offsets.topic.num.partitions", "3")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        // as deploy/local/conf/kafka.properties (issue 13, figure 7): a transaction the outbox relay
                        // begins while the previous one's markers are still being written is retried by the broker
                        // after this backoff (Kafka's default 20 ms; bench/outbox/RESULTS.md, "Back-to-back
                        // transactions"); -Dkanoon.test.kafka.add-partitions-retry-backoff-ms=20 to compare
                        .setConfigProp("add.partitions.to.txn.retry.backoff.ms",
                                System.getProperty("kanoon.test.kafka.add-partitions-retry-backoff-ms", "2"))
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                cluster = kit;
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the Kafka test cluster", e);
            }
            KafkaClusterTestKit started = cluster;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // Bounded: closing a cluster whose broker was stopped and restarted by an outage test can
                // hang, and a test JVM that does not exit is killed by surefire and fails the build after
                // every test passed. The JVM is going away; the broker's files are temporary.
                Thread closer = new Thread(() -> {
                    try {
                        started.close();
                    } catch (Exception ignored) {
                        // the JVM is going away
                    }
                }, "kafka-test-cluster-close");
                closer.setDaemon(true);
                closer.start();
                try {
                    closer.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "kafka-test-cluster-stop"));
        }
        return cluster;
    }

    public static String bootstrapServers() {
        return cluster().bootstrapServers();
    }

    private static BrokerServer broker() {
        return cluster().brokers().values().iterator().next();
    }

    /** Takes the broker down (an outage); its port stays reserved for {@link #startBroker()}. */
    public static void stopBroker() {
        BrokerServer broker = broker();
        broker.shutdown();
        broker.awaitShutdown();
    }

    /** Brings the broker back after {@link #stopBroker()}. */
    public static void startBroker() {
        try {
            broker().startup();
            cluster().waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("cannot restart the Kafka test broker", e);
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "kafka.bootstrap.servers", bootstrapServers(),
                "quarkus.kafka.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // The cluster outlives one application: other test classes reuse it.
    }
}

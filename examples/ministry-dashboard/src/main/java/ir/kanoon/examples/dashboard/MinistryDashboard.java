package ir.kanoon.examples.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The ministry dashboard: reads every {@code kanoon.*.events} topic from the beginning into {@link NationalCounts}
 * and serves them as JSON ({@code GET /counts}, {@code GET /counts/IR-07}).
 *
 * <pre>java -cp ... ir.kanoon.examples.dashboard.MinistryDashboard [bootstrap-servers] [http-port]</pre>
 */
public final class MinistryDashboard implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every service's topic, also ones added later (the pattern is re-evaluated on metadata refresh). */
    static final Pattern TOPICS = Pattern.compile("kanoon\\.[a-z-]+\\.events");

    private final NationalCounts counts = new NationalCounts();
    private final KafkaConsumer<String, String> consumer;
    private final Thread poller;
    private volatile boolean running = true;
    private HttpServer http;

    public MinistryDashboard(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                // A fresh group each start: the counts live in memory, so every start replays from the beginning.
                // A dashboard that persists its counts would keep one group id and commit after persisting.
                ConsumerConfig.GROUP_ID_CONFIG, "ministry-dashboard-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // the services publish through transactions: never count an aborted record
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000),
                new StringDeserializer(), new StringDeserializer());
        poller = new Thread(this::poll, "ministry-dashboard-poller");
        poller.setDaemon(true);
    }

    public MinistryDashboard start() {
        consumer.subscribe(TOPICS);
        poller.start();
        return this;
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        counts.apply(JSON.readTree(r.value()));
                    } catch (IOException e) {
                        // not a CloudEvent in JSON: skip it (a dashboard must not stop on one bad record)
                        System.err.println("skipped unreadable record " + r.topic() + "/" + r.partition() + "@" + r.offset());
                    }
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } finally {
            consumer.close();
        }
    }

    public NationalCounts counts() {
        return counts;
    }

    /** Serves the counts on {@code port} (0 = any free port); returns the port. */
    public int serve(int port) throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        http.createContext("/counts", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Object body = path.matches("/counts/IR-\\d{2}") ? counts.province(path.substring("/counts/".length()))
                    : counts.national();
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        http.start();
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        if (http != null) {
            http.stop(0);
        }
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args.length > 0 ? args[0] : "localhost:9092";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8099;
        MinistryDashboard dashboard = new MinistryDashboard(bootstrap).start();
        int bound = dashboard.serve(port);
        System.out.println("ministry dashboard: reading kanoon.*.events from " + bootstrap
                + "; counts at http://127.0.0.1:" + bound + "/counts and /counts/IR-07");
        Runtime.getRuntime().addShutdownHook(new Thread(dashboard::close));
        Thread.currentThread().join();
    }

}

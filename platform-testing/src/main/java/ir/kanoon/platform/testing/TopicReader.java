package ir.kanoon.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads the CloudEvents a service really published on its topic of the test Kafka ({@link KafkaTestResource}),
 * from the beginning, with {@code read_committed} (what the Ministry's dashboards see), as JSON trees.
 *
 * <pre>{@code
 * List<JsonNode> events = TopicReader.readUntil("kanoon.membership.events", Duration.ofSeconds(20),
 *         seen -> TopicReader.about(seen, memberId).size() >= 2);
 * }</pre>
 */
public final class TopicReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicReader() {
    }

    /** Polls {@code topic} from its beginning until {@code done} holds for what was seen, or the timeout passes. */
    public static List<JsonNode> readUntil(String topic, Duration timeout, Predicate<List<JsonNode>> done) {
        List<JsonNode> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && !done.test(seen)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(parse(r.value()));
                }
            }
        }
        return seen;
    }

    /** The events about one aggregate (CloudEvents {@code subject}), in order. */
    public static List<JsonNode> about(List<JsonNode> events, String subject) {
        return events.stream().filter(e -> subject.equals(e.path("subject").asText())).toList();
    }

    /** The events' {@code type}s, in order. */
    public static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    /** The distinct {@code type}s seen. */
    public static Set<String> distinctTypes(List<JsonNode> events) {
        return new LinkedHashSet<>(types(events));
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON on the topic: " + value, e);
        }
    }
}

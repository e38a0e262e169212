package ir.kanoon.membership.support;

import com.fasterxml.jackson.databind.JsonNode;
import ir.kanoon.membership.events.MembershipEvents;
import ir.kanoon.platform.testing.TopicReader;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** {@link TopicReader} on this service's topic, {@code kanoon.membership.events}. */
public final class Events {

    private Events() {
    }

    public static List<JsonNode> readUntil(Duration timeout, Predicate<List<JsonNode>> done) {
        return TopicReader.readUntil(MembershipEvents.TOPIC, timeout, done);
    }

    /** The events about one aggregate (CloudEvents {@code subject}), in order. */
    public static List<JsonNode> about(List<JsonNode> events, String subject) {
        return TopicReader.about(events, subject);
    }

    public static List<String> types(List<JsonNode> events) {
        return TopicReader.types(events);
    }
}

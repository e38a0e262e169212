package ir.kanoon.platform.support;

import io.agroal.api.AgroalDataSource;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.events.CloudEvents;
import ir.kanoon.platform.testing.KafkaTestResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test helpers around the consumer tests: send CloudEvents, read what the test handlers applied. */
public final class Events {

    private Events() {
    }

    public static CloudEvent event(String aggregate, Map<String, Object> data) {
        return CloudEvents.create("/kanoon/other", "ir.kanoon.other.thing.happened.v1", aggregate, "IR-07", data);
    }

    /** Sends the events in order, keyed by their subject (aggregate): one key, one partition, one order. */
    public static void send(String topic, CloudEvent... events) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (CloudEvent e : events) {
                producer.send(new ProducerRecord<>(topic, e.subject(), CloudEvents.toJson(e))).get();
            }
        }
    }

    /** How often the event's changes were committed by a test handler (the dedup must keep it at 1). */
    public static long applied(AgroalDataSource dataSource, String eventId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM test_applied_event WHERE event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The given events' ids in the order they were applied (committed rows, by their serial). */
    public static List<String> appliedOrder(AgroalDataSource dataSource, List<String> eventIds) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT event_id FROM test_applied_event WHERE event_id = ANY (?) ORDER BY seq")) {
            ps.setArray(1, c.createArrayOf("text", eventIds.toArray()));
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }
}

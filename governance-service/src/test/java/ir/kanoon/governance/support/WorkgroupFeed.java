package ir.kanoon.governance.support;

import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.events.CloudEvents;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Map;
import java.util.Properties;

/** Plays workgroup-service: publishes its events (events-contract shapes) on {@code kanoon.workgroup.events}. */
public final class WorkgroupFeed {

    public static final String TOPIC = "kanoon.workgroup.events";

    private WorkgroupFeed() {
    }

    public static CloudEvent event(String type, String subject, String province, Map<String, Object> data) {
        return CloudEvents.create("/kanoon/workgroup", "ir.kanoon.workgroup." + type + ".v1", subject, province, data);
    }

    /** A data map from key/value pairs (more than Map.of's ten). */
    public static Map<String, Object> data(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    public static void send(CloudEvent... events) {
        sendTo(TOPIC, events);
    }

    /** An event of another service ({@code ir.kanoon.<service>.<type>.v1}) at a given instant. */
    public static CloudEvent at(java.time.Instant time, String service, String type, String subject, String province,
                                Map<String, Object> data) {
        CloudEvent e = CloudEvents.create("/kanoon/" + service, "ir.kanoon." + service + "." + type + ".v1", subject,
                province, data);
        return new CloudEvent(e.specversion(), e.id(), e.source(), e.type(), e.subject(), time, e.datacontenttype(),
                e.provincecode(), e.data());
    }

    public static void sendTo(String topic, CloudEvent... events) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (CloudEvent e : events) {
                producer.send(new ProducerRecord<>(topic, e.subject(), CloudEvents.toJson(e)));
            }
            producer.flush();
        }
    }
}

package ir.kanoon.networking.support;

import ir.kanoon.networking.directory.MemberEventsHandler;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.events.CloudEvents;
import ir.kanoon.platform.testing.KafkaTestResource;
import ir.kanoon.platform.testing.TestTokens;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Members as membership-service announces them: CloudEvents of type {@code ir.kanoon.membership.member.*.v1} on
 * {@code kanoon.membership.events}, shaped like membership's AsyncAPI (memberData), sent to the real broker.
 */
public final class Members {

    public static final String TOPIC = "kanoon.membership.events";

    private Members() {
    }

    /** A member to announce; {@code userId} is the Keycloak subject of their token. */
    public record M(UUID memberId, String userId, String province, String category, String sector, String displayName,
                    List<String> expertise) {

        public String token() {
            return TestTokens.member(userId, province);
        }

        public M in(String otherProvince) {
            return new M(memberId, userId, otherProvince, category, sector, displayName, expertise);
        }
    }

    public static M member(String province, String displayName, String... expertise) {
        UUID id = UUID.randomUUID();
        return new M(id, "user-" + id, province, "ENTREPRENEUR", "INDUSTRIAL", displayName, List.of(expertise));
    }

    public static M member(String province, String category, String sector, String displayName) {
        UUID id = UUID.randomUUID();
        return new M(id, "user-" + id, province, category, sector, displayName, List.of());
    }

    /** The data membership publishes — including fields the directory must ignore. */
    public static Map<String, Object> data(M m, String status, String previousStatus) {
        Map<String, Object> d = new HashMap<>();
        d.put("memberId", m.memberId().toString());
        d.put("membershipNumber", m.province() + "-1405-" + Math.abs(m.memberId().hashCode() % 100000));
        d.put("userId", m.userId());
        d.put("province", m.province());
        d.put("category", m.category());
        d.put("sector", m.sector());
        d.put("displayName", m.displayName());
        d.put("expertise", m.expertise());
        d.put("status", status);
        d.put("previousStatus", previousStatus);
        d.put("termEnd", "2028-11-28");
        d.put("resolutionRef", "HT-1405-1");
        return d;
    }

    public static CloudEvent event(M m, String type, String status, String previousStatus) {
        return CloudEvents.create("/kanoon/membership", "ir.kanoon.membership.member." + type + ".v1",
                m.memberId().toString(), m.province(), data(m, status, previousStatus));
    }

    /** Sends events to Kafka as membership's relay would (keyed by member id). */
    public static void send(CloudEvent... events) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (CloudEvent e : events) {
                producer.send(new ProducerRecord<>(TOPIC, e.subject(), CloudEvents.toJson(e)));
            }
            producer.flush();
        }
    }

    /** Puts members straight into the projection (the handler membership's events drive), for bulk setups. */
    public static void admitDirectly(List<M> members) {
        MemberEventsHandler handler = Arc.container().instance(MemberEventsHandler.class).get();
        QuarkusTransaction.requiringNew().run(() -> {
            for (M m : members) {
                handler.apply(new MemberEventsHandler.MemberEvent(m.memberId(), m.province() + "-1405-x", m.userId(),
                        m.province(), m.category(), m.sector(), m.displayName(), m.expertise(), "ACTIVE"), Instant.now());
            }
        });
    }

    /** Applies a status change to the projection as membership's event would (newest wins). */
    public static void status(M m, String status) {
        MemberEventsHandler handler = Arc.container().instance(MemberEventsHandler.class).get();
        QuarkusTransaction.requiringNew().run(() -> handler.apply(new MemberEventsHandler.MemberEvent(m.memberId(),
                m.province() + "-1405-x", m.userId(), m.province(), m.category(), m.sector(), m.displayName(),
                m.expertise(), status), Instant.now()));
    }

    public static M admitted(String province, String displayName, String... expertise) {
        M m = member(province, displayName, expertise);
        admitDirectly(List.of(m));
        return m;
    }

    public static List<M> many(int n, String province) {
        List<M> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(member(province, "عضو " + i));
        }
        admitDirectly(out);
        return out;
    }
}

package ir.kanoon.platform.outbox;

import io.agroal.api.AgroalDataSource;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.events.CloudEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Records an event in the caller's transaction (the transactional outbox). Call it from the
 * {@code @Transactional} method that makes the change: the row commits or rolls back with it, so a
 * rolled-back change never publishes and a committed one is never lost. {@link OutboxRelay} publishes it.
 *
 * <pre>{@code
 * outbox.record("member.admitted", member.id.toString(), member.province, new MemberAdmitted(...));
 * }</pre>
 *
 * With {@code kanoon.service=membership} that is a CloudEvent of type
 * {@code ir.kanoon.membership.member.admitted.v1} from {@code /kanoon/membership} on topic
 * {@code kanoon.membership.events}, keyed by the aggregate id.
 */
@ApplicationScoped
public class Outbox {

    static final String INSERT = "INSERT INTO outbox_event (id, topic, aggregate_id, event_type, payload) VALUES (?, ?, ?, ?, ?)";

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kanoon.service")
    Optional<String> service;

    /**
     * @param type         short event type, e.g. {@code member.admitted}
     * @param aggregateId  the changed aggregate's id: subject and Kafka key
     * @param provinceCode {@code provincecode} extension (null for national events)
     * @param data         the payload, serialised as JSON; never personal data (conventions)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent record(String type, String aggregateId, String provinceCode, Object data) {
        String name = service.orElseThrow(() -> new IllegalStateException("set kanoon.service to publish events"));
        CloudEvent event = CloudEvents.create("/kanoon/" + name, "ir.kanoon." + name + "." + type + ".v1",
                aggregateId, provinceCode, data);
        write(event, topicOf(name));
        return event;
    }

    public static String topicOf(String service) {
        return "kanoon." + service + ".events";
    }

    /** Writes an already built event (used by {@link #record}; visible for tests of the relay). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(CloudEvent event, String topic) {
        // Plain JDBC on the pool's connection of this JTA transaction: it commits with the service's
        // Hibernate changes without making the platform depend on a persistence unit.
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setObject(1, UUID.fromString(event.id()));
            ps.setString(2, topic);
            ps.setString(3, event.subject() == null ? event.id() : event.subject());
            ps.setString(4, event.type());
            ps.setString(5, CloudEvents.toJson(event));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write outbox event " + event.type(), e);
        }
    }
}

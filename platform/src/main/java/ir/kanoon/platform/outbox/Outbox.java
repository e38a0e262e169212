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
 *
 * <p>Order: events of one aggregate are published in the order their transactions committed (see
 * {@link #LOCK_AGGREGATE}). A transaction that records events of several aggregates locks them in call
 * order; two such transactions locking the same aggregates in opposite orders can deadlock, and
 * PostgreSQL then fails one of them (a 409 {@code concurrent-update} for an API call).
 */
@ApplicationScoped
public class Outbox {

    static final String INSERT = "INSERT INTO outbox_event (id, topic, aggregate_id, event_type, payload) VALUES (?, ?, ?, ?, ?)";
    /**
     * Per-aggregate order rule: the insert first takes a transaction-scoped advisory lock on
     * (topic, aggregate id), held until commit. A second transaction writing an event of the same
     * aggregate waits for the first to commit before it gets its {@code seq}, so {@code seq} order within
     * an aggregate is commit order — whether or not the business change bumped a {@code @Version}.
     * The two-int form keeps these keys apart from the relay's single-bigint lock.
     */
    static final String LOCK_AGGREGATE = "SELECT pg_advisory_xact_lock(?, hashtext(? || '/' || ?))";
    /** Namespace (first key) of the per-aggregate locks: "kO" in ASCII. */
    static final int AGGREGATE_LOCK_SPACE = 0x6B4F;

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
        String aggregateId = event.subject() == null ? event.id() : event.subject();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement(LOCK_AGGREGATE)) {
                lock.setInt(1, AGGREGATE_LOCK_SPACE);
                lock.setString(2, topic);
                lock.setString(3, aggregateId);
                lock.execute();
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setObject(1, UUID.fromString(event.id()));
                ps.setString(2, topic);
                ps.setString(3, aggregateId);
                ps.setString(4, event.type());
                ps.setString(5, CloudEvents.toJson(event));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write outbox event " + event.type(), e);
        }
    }
}

package ir.kanoon.platform.support;

import io.agroal.api.AgroalDataSource;
import ir.kanoon.platform.consumer.EventHandler;
import ir.kanoon.platform.consumer.UnprocessableEventException;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.events.CloudEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A consumer of the test application: records each event it applies; on request fails for good
 * ({@code fail}: unprocessable), with an unexpected exception for its first {@code failTimes} attempts, or with
 * a lost database connection for its first {@code connectionFailTimes} attempts, or ({@code refusedByDatabase})
 * with a statement PostgreSQL refuses on every attempt.
 */
@ApplicationScoped
public class RecordingHandler implements EventHandler {

    public static final String TOPIC = "test.consumer.in";
    public static final String GROUP = "platformtest.recorder";

    record Payload(Boolean fail, Integer failTimes, Integer connectionFailTimes, Boolean refusedByDatabase) {
    }

    private final Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();

    @Inject
    AgroalDataSource dataSource;

    @Override
    public String consumerGroup() {
        return GROUP;
    }

    @Override
    public Set<String> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public void handle(CloudEvent event) throws Exception {
        int attempt = invocations.computeIfAbsent(event.id(), k -> new AtomicInteger()).incrementAndGet();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO test_applied_event (event_id, payload) VALUES (?, ?)")) {
            ps.setString(1, event.id());
            ps.setString(2, CloudEvents.toJson(event));
            ps.executeUpdate();
        }
        Payload payload = CloudEvents.data(event, Payload.class);
        if (Boolean.TRUE.equals(payload.fail())) {
            throw new UnprocessableEventException("asked to fail");
        }
        if (payload.failTimes() != null && attempt <= payload.failTimes()) {
            // thrown after the insert: the attempt's changes must roll back with its dedup row
            throw new IllegalStateException("handler failure " + attempt + "/" + payload.failTimes());
        }
        if (Boolean.TRUE.equals(payload.refusedByDatabase())) {
            // a real refusal by the real database (SQLState 22012), the same on every attempt: the event's fault
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT 1 / 0")) {
                ps.executeQuery();
            }
        }
        if (payload.connectionFailTimes() != null && attempt <= payload.connectionFailTimes()) {
            // the shape ProcessedEvents gives a connection PostgreSQL dropped: the driver's 08006 wrapped
            throw new IllegalStateException("cannot record processed event " + event.id(), new PSQLException(
                    "An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE));
        }
    }

    public int invocations(String eventId) {
        AtomicInteger n = invocations.get(eventId);
        return n == null ? 0 : n.get();
    }
}

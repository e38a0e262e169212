package ir.kanoon.platform.support;

import io.agroal.api.AgroalDataSource;
import ir.kanoon.platform.consumer.EventHandler;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.events.CloudEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A consumer whose loop fails outside any record the first time it starts ({@link #topics()} throws once,
 * as a failed commit or a broker error would): the platform must restart the loop, not let it die.
 */
@ApplicationScoped
public class FlakyHandler implements EventHandler {

    public static final String TOPIC = "test.consumer.flaky";
    public static final String GROUP = "platformtest.flaky";

    private final AtomicBoolean failedOnce = new AtomicBoolean();

    @Inject
    AgroalDataSource dataSource;

    @Override
    public String consumerGroup() {
        return GROUP;
    }

    @Override
    public Set<String> topics() {
        if (failedOnce.compareAndSet(false, true)) {
            throw new IllegalStateException("topics() failed once (a fault outside any record)");
        }
        return Set.of(TOPIC);
    }

    @Override
    public void handle(CloudEvent event) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO test_applied_event (event_id, payload) VALUES (?, ?)")) {
            ps.setString(1, event.id());
            ps.setString(2, CloudEvents.toJson(event));
            ps.executeUpdate();
        }
    }
}

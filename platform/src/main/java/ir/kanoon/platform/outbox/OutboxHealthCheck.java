package ir.kanoon.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * The outbox's lag in {@code /q/health}: pending rows, oldest age, last error. It is DOWN when the relay
 * thread is dead or the oldest row is older than {@code kanoon.outbox.health.max-lag} — not merely
 * because Kafka is briefly away: the outbox exists so the service keeps working then.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    @Inject
    OutboxRelayService relay;

    @ConfigProperty(name = "kanoon.outbox.health.max-lag", defaultValue = "15m")
    Duration maxLag;

    @Override
    public HealthCheckResponse call() {
        OutboxRelayService.Snapshot lag = relay.lag();
        boolean relayOk = !relay.isEnabled() || relay.isRunning();
        boolean lagOk = lag.oldestSeconds() <= maxLag.toSeconds();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("outbox")
                .status(relayOk && lagOk)
                .withData("relay", !relay.isEnabled() ? "disabled" : relay.isRunning() ? "running" : "stopped")
                .withData("pending", lag.pending())
                .withData("oldestPendingSeconds", (long) lag.oldestSeconds());
        if (relay.lastError() != null) {
            b.withData("lastError", relay.lastError());
        }
        return b.build();
    }
}

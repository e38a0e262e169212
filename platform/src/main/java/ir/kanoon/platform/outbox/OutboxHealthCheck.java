package ir.kanoon.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * The outbox in {@code /q/health}: relay state, pending / parked / blocked rows, oldest pending age,
 * {@code lagging} (older than {@code kanoon.outbox.health.max-lag}), last error.
 *
 * <p>A liveness check, not readiness: the REST API needs the database, not Kafka, so a Kafka outage of
 * any length must not take replicas out of the load balancer (the outbox exists so the service keeps
 * working then). Lag is reported as data and metrics, never as status. The check is DOWN only when the
 * relay thread is dead (an {@link Error} ended it): only a restart of the process brings it back.
 */
@Liveness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    @Inject
    OutboxRelayService relay;

    @Inject
    OutboxSettings settings;

    @Override
    public HealthCheckResponse call() {
        OutboxRelayService.Snapshot lag = relay.lag();
        boolean relayOk = !relay.isEnabled() || relay.isRunning();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("outbox")
                .status(relayOk)
                .withData("relay", !relay.isEnabled() ? "disabled" : relay.isRunning() ? "running" : "stopped")
                .withData("pending", lag.pending())
                .withData("parked", lag.parked())
                .withData("blocked", lag.blocked())
                .withData("oldestPendingSeconds", (long) lag.oldestSeconds())
                .withData("lagging", lag.oldestSeconds() > settings.health().maxLag().toSeconds())
                .withData("measuredSecondsAgo", lag.takenAt() == 0 ? -1 : (System.currentTimeMillis() - lag.takenAt()) / 1000);
        if (relay.lastError() != null) {
            b.withData("lastError", relay.lastError());
        }
        return b.build();
    }
}

package ir.kanoon.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** {@code kanoon.outbox.*}: the relay and its health report. */
@ConfigMapping(prefix = "kanoon.outbox")
public interface OutboxSettings {

    Relay relay();

    Health health();

    interface Relay {
        /** Run a relay in this instance (one per service instance; they take turns on an advisory lock). */
        @WithDefault("true")
        boolean enabled();

        /** Rows per batch: one database transaction and one Kafka transaction. */
        @WithDefault("500")
        int batchSize();

        /** Safety-net poll when no commit notification arrives. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Cap of the retry delay while Kafka is away. */
        @WithDefault("10s")
        Duration maxBackoff();

        /** How long a send, commit or abort may block ({@code max.block.ms}, {@code delivery.timeout.ms}). */
        @WithDefault("10s")
        Duration sendTimeout();

        /**
         * Kafka {@code transactional.id}; default {@code kanoon-outbox-<kanoon.service>}. Stable per service
         * so a restarted or newly elected relay fences (and aborts the open transaction of) the previous one.
         */
        Optional<String> transactionalId();
    }

    interface Health {
        /** Oldest-pending age above which the outbox check reports {@code lagging=true} (data only). */
        @WithDefault("15m")
        Duration maxLag();
    }
}

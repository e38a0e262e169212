package ir.kanoon.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the {@code Idempotency-Key} support, checked at startup (a bad duration stops the service). */
@ConfigMapping(prefix = "kanoon.idempotency")
public interface IdempotencyConfig {

    /** How long a key is remembered; a retry later than this is a new request. */
    @WithDefault("24h")
    Duration retention();

    /** How often expired keys are deleted (read by the purge job's schedule). */
    @WithDefault("1h")
    Duration purgeEvery();
}

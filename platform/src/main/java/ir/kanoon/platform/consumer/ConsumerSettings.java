package ir.kanoon.platform.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code kanoon.consumer.*}: settings of every {@link EventHandler}'s consumer loop. */
@ConfigMapping(prefix = "kanoon.consumer")
public interface ConsumerSettings {

    /** Run the handlers at all (a service's tests may switch them off). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Failed attempts of one record after which it is reported as stuck (ERROR log, {@code stuck} in
     * health). A transient failure is still retried after that: the consumer never skips ahead.
     */
    @WithDefault("3")
    int maxAttempts();

    /** First retry delay of a failed record; doubled per attempt up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration backoff();

    /** Cap of the retry delay of a record and of the delay before a crashed loop restarts. */
    @WithDefault("30s")
    Duration maxBackoff();

    /** First delay before a loop that failed outside a record (e.g. a failed commit) restarts. */
    @WithDefault("1s")
    Duration restartBackoff();
}

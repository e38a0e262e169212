package ir.kanoon.platform.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/** {@code kanoon.consumer.*}: settings of every {@link EventHandler}'s consumer loop. */
@ConfigMapping(prefix = "kanoon.consumer")
public interface ConsumerSettings {

    /** Run the handlers at all (a service's tests may switch them off). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Attempts of one record whose handler fails because of the event (anything but our database being away or
     * busy, see {@link FailureClassifier}): after that many it goes to the dead-letter topic with its reason and
     * the partition moves on. With the default backoff, 5 attempts span about 3 s (0.2 + 0.4 + 0.8 + 1.6 s):
     * enough for a blip to pass, short enough that a poison event holds its partition only briefly. A record
     * failing because the database is away is never dead-lettered: after this many attempts it is reported as
     * stuck (ERROR log, {@code stuck} in health) and retried for as long as the outage lasts.
     */
    @WithDefault("5")
    @Min(1)
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

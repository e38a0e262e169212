package ir.kanoon.platform.consumer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthRegistry;
import ir.kanoon.platform.events.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.Liveness;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every {@link EventHandler} bean on its own supervised consumer ({@link ConsumerLoop}) and registers
 * a liveness check {@code event-consumer <group>} per handler (data: running, lag, lastError, restarts,
 * retries, deadLettered, pausedSince) and the counters {@code kanoon.consumer.retries} and
 * {@code kanoon.consumer.dead.lettered} (tag {@code group}). Offsets are committed after the records of a poll were
 * handled or dead-lettered — asynchronously, so the next poll does not wait for the broker; synchronously on
 * revocation and shutdown — so a crash replays at most the records applied since the last commit, and the
 * processed-events table turns that replay into a no-op.
 */
@ApplicationScoped
public class EventConsumers {

    @Inject
    Instance<EventHandler> handlers;

    @Inject
    ProcessedEvents processed;

    @Inject
    ConsumerSettings settings;

    @Inject
    @Liveness
    HealthRegistry liveness;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    private final List<ConsumerLoop> loops = new ArrayList<>();
    /** Removed on shutdown: a registry outliving the application would keep counters bound to stopped loops. */
    private final List<Meter> meters = new ArrayList<>();

    void start(@Observes StartupEvent event) {
        if (!settings.enabled()) {
            return;
        }
        for (EventHandler handler : handlers) {
            ConsumerLoop loop = new ConsumerLoop(handler, settings, bootstrapServers, this::applyOnce);
            loops.add(loop);
            liveness.register("event-consumer-" + handler.consumerGroup(), loop::health);
            for (String name : List.of("kanoon.consumer.retries", "kanoon.consumer.dead.lettered")) {
                // a stale registration of the same id would be handed back instead of ours
                registry.find(name).tag("group", handler.consumerGroup()).meters().forEach(registry::remove);
            }
            meters.add(FunctionCounter.builder("kanoon.consumer.retries", loop, ConsumerLoop::retries)
                    .tag("group", handler.consumerGroup())
                    .description("Records put back to be retried (failed attempts, refused dead-letter writes)")
                    .register(registry));
            meters.add(FunctionCounter.builder("kanoon.consumer.dead.lettered", loop, ConsumerLoop::deadLettered)
                    .tag("group", handler.consumerGroup())
                    .description("Records sent to the dead-letter topic").register(registry));
            loop.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        loops.forEach(ConsumerLoop::stop);
        meters.forEach(registry::remove);
        meters.clear();
    }

    /** The running loop of a consumer group (tests). */
    ConsumerLoop loop(String group) {
        return loops.stream().filter(l -> l.group().equals(group)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no consumer loop for group " + group));
    }

    /** Dead-letter topic of a handler for records read from {@code topic}. */
    public static String deadLetterTopic(String topic, String group) {
        return topic + "." + group + ".dlt";
    }

    /** Applies one event once: the dedup row and the handler's changes commit together or not at all. */
    void applyOnce(EventHandler handler, CloudEvent event) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (processed.markProcessed(handler.consumerGroup(), event.id())) {
                try {
                    handler.handle(event);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new HandlerFailedException(e);
                }
            }
        });
    }

    private static final class HandlerFailedException extends RuntimeException {
        HandlerFailedException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}

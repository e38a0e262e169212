package ir.kanoon.platform.consumer;

import ir.kanoon.platform.events.CloudEvent;

import java.util.Set;

/**
 * A service's reaction to other services' events. Implement it as an {@code @ApplicationScoped} bean and
 * {@link EventConsumers} runs it: each event is handled at most once per {@link #consumerGroup()} (the
 * event id is recorded in the same transaction as {@link #handle}'s database changes), a failure is
 * retried and then parked on the dead-letter topic {@code <topic>.<group>.dlt}, and an offset is
 * committed only after its record was handled or parked.
 */
public interface EventHandler {

    /** Kafka consumer group, also the dedup scope, e.g. {@code governance.membership-events}. */
    String consumerGroup();

    /** Topics to read, e.g. {@code kanoon.membership.events}. */
    Set<String> topics();

    /**
     * Applies one event inside a transaction. Throw to have it retried; keep the event shape you read in
     * your own record (no shared event classes between services) and read it with
     * {@link ir.kanoon.platform.events.CloudEvents#data}.
     */
    void handle(CloudEvent event) throws Exception;
}

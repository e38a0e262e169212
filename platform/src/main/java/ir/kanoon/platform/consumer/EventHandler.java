package ir.kanoon.platform.consumer;

import ir.kanoon.platform.events.CloudEvent;

import java.util.Set;

/**
 * A service's reaction to other services' events. Implement it as an {@code @ApplicationScoped} bean and
 * {@link EventConsumers} runs it: each event is handled at most once per {@link #consumerGroup()} (the
 * event id is recorded in the same transaction as {@link #handle}'s database changes), and an offset is
 * committed only after its record was handled or dead-lettered.
 *
 * <p>Failures: throw {@link UnprocessableEventException} for an event that can never be processed (a
 * type/version you reject, data invalid for good): it goes to the dead-letter topic
 * {@code <topic>.<group>.dlt} at once. Anything else is retried with capped backoff while the record's
 * partition is paused, so later events of that partition wait and per-aggregate order holds: without limit
 * while our database is away or busy (connection lost, shutdown, lock timeout, serialization failure), and
 * up to {@code kanoon.consumer.max-attempts} times for any other failure (a value the database refuses, a
 * bug the event triggers), after which the event is dead-lettered with its reason and the partition moves on
 * ({@link FailureClassifier}). Ignore (return normally for) event types you are not interested in.
 */
public interface EventHandler {

    /** Kafka consumer group, also the dedup scope, e.g. {@code governance.membership-events}. */
    String consumerGroup();

    /** Topics to read, e.g. {@code kanoon.membership.events}. */
    Set<String> topics();

    /**
     * Applies one event inside a transaction. Keep the event shape you read in your own record (no shared
     * event classes between services) and read it with {@link ir.kanoon.platform.events.CloudEvents#data}.
     */
    void handle(CloudEvent event) throws Exception;
}

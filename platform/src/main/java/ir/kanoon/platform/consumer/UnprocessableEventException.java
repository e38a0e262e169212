package ir.kanoon.platform.consumer;

import ir.kanoon.platform.events.CloudEvent;

/**
 * Thrown by an {@link EventHandler} for an event it can never process: a type or version it does not
 * accept, or data that fails validation for good. The event goes to the dead-letter topic at once with
 * this message as {@code dlt-reason}. Any other exception is retried with the partition paused: for as long
 * as it lasts when it says our database is away or busy, else up to {@code kanoon.consumer.max-attempts}
 * times before the event is dead-lettered all the same ({@link FailureClassifier}). Throwing this saves the
 * retries and gives the reason in your words.
 */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String reason) {
        super(reason);
    }

    public UnprocessableEventException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** For a type or version this handler was not written for, e.g. {@code ...member.admitted.v2}. */
    public static UnprocessableEventException unsupportedType(CloudEvent event) {
        return new UnprocessableEventException("unsupported event type " + event.type());
    }
}

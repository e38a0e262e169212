package ir.kanoon.platform.consumer;

import ir.kanoon.platform.events.CloudEvent;

/**
 * Thrown by an {@link EventHandler} for an event it can never process: a type or version it does not
 * accept, or data that fails validation for good. The event goes to the dead-letter topic at once with
 * this message as {@code dlt-reason}; any other exception is treated as transient and retried, with the
 * partition paused, until it succeeds (conventions: "a consumer never skips ahead").
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

package ir.kanoon.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import ir.kanoon.platform.ids.Uuids;

/**
 * CloudEvents JSON structured mode, both ways. One codec with its own {@link ObjectMapper} so the wire
 * format never changes with a service's REST Jackson settings.
 */
public final class CloudEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private CloudEvents() {
    }

    /** A new event: a fresh id, now (millisecond precision), {@code application/json} data. */
    public static CloudEvent create(String source, String type, String subject, String provinceCode, Object data) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, Uuids.v7().toString(), source, type, subject,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), CloudEvent.JSON, provinceCode,
                data == null ? null : MAPPER.valueToTree(data));
    }

    public static String toJson(CloudEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serialisable as JSON: " + event.type(), e);
        }
    }

    /** Parses a structured-mode event; throws {@link InvalidEventException} if it is not a valid CloudEvent. */
    public static CloudEvent fromJson(String json) {
        try {
            CloudEvent event = MAPPER.readValue(json, CloudEvent.class);
            if (event == null) {
                throw new InvalidEventException("empty event");
            }
            return event;
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof InvalidEventException invalid) {
                throw invalid;
            }
            throw new InvalidEventException("not a CloudEvents 1.0 JSON event: " + e.getMessage());
        }
    }

    public static CloudEvent fromBytes(byte[] bytes) {
        if (bytes == null) {
            throw new InvalidEventException("empty record value");
        }
        return fromJson(new String(bytes, StandardCharsets.UTF_8));
    }

    /** The event's data as {@code type}: a consumer keeps its own copy of the shape it reads. */
    public static <T> T data(CloudEvent event, Class<T> type) {
        try {
            return MAPPER.treeToValue(event.data(), type);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("data of " + event.type() + " is not a " + type.getSimpleName());
        }
    }

    /** A record that is not a usable CloudEvent: a consumer sends it straight to the dead-letter topic. */
    public static class InvalidEventException extends RuntimeException {
        public InvalidEventException(String message) {
            super(message);
        }
    }
}

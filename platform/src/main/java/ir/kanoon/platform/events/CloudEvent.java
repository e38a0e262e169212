package ir.kanoon.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 event as published on Kafka in JSON structured mode (conventions, Events):
 * {@code id} (UUID), {@code source} ({@code /kanoon/membership}), {@code type}
 * ({@code ir.kanoon.membership.member.admitted.v1}), {@code subject} (aggregate id, also the record key),
 * {@code time}, {@code datacontenttype}, extension {@code provincecode}, and {@code data}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String provincecode,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    /** Content type of a structured-mode record (Kafka protocol binding). */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        if (!SPEC_VERSION.equals(specversion)) {
            throw new IllegalArgumentException("unsupported specversion: " + specversion);
        }
    }
}

package ir.kanoon.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * RFC 9457 problem details, the body of every error response ({@code application/problem+json}).
 * {@code rule} names the directive article a request broke; {@code violations} lists invalid fields;
 * {@code correlationId} (5xx only) lets support find the one log line about it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "/problems/rule-violation") String type,
        @Schema(example = "Rule of the directive violated") String title,
        @Schema(example = "422") int status,
        @Schema(example = "The Board of Trustees already has its 11 seats filled") String detail,
        @Schema(example = "/api/v1/boards/IR-07/seats") String instance,
        @Schema(example = "Art. 6") String rule,
        List<Violation> violations,
        String correlationId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: its JSON path in the request (or the query/header parameter name) and why. */
    @Schema(name = "Violation")
    public record Violation(
            @Schema(example = "nationalId") String field,
            @Schema(example = "not a valid national ID") String message) {
    }
}

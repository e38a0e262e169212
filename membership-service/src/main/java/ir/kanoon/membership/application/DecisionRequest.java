package ir.kanoon.membership.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The qualification decision (Art. 7, R8). APPROVED and REJECTED cite the Board resolution; REJECTED
 * and NEEDS_INFO give a reason the applicant reads.
 */
@Schema(name = "DecisionRequest")
public record DecisionRequest(
        @NotNull Decision decision,
        @Size(max = 100) @Schema(example = "HT-1405-12") String resolutionRef,
        @Size(max = 2000) String reason) {
}

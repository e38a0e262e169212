package ir.kanoon.membership.member;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of suspend / reinstate / terminate / renew: why, and the Board resolution behind it (Art. 7, R8). */
@Schema(name = "StatusChange")
public record StatusChange(
        @NotBlank @Size(max = 2000) @Schema(example = "عدم حضور در سه جلسهٔ متوالی") String reason,
        @Size(max = 100) @Schema(example = "HT-1405-17", description = "Board resolution reference (required, Art. 7)")
        String resolutionRef) {
}

package ir.kanoon.ideabank.idea;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A step of the stage gate ({@code SCREENING}, {@code UNDER_EVALUATION}) or a decision, with its reason. */
public record StatusChange(@NotNull IdeaStatus to, @NotBlank @Size(max = 2000) String reason) {
}

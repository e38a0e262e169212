package ir.kanoon.ideabank.experience;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The secretariat's review: {@code PUBLISHED} or {@code RETURNED} (with what to change). */
public record ExperienceReview(@NotNull ExperienceStatus decision, @NotBlank @Size(max = 2000) String note) {
}

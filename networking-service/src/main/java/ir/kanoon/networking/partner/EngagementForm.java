package ir.kanoon.networking.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** {@code amountRials} for DONATION and PLEDGE only (philanthropists, Art. 3-17). */
public record EngagementForm(@NotNull Engagement.Kind kind, @NotNull LocalDate occurredOn,
                             @NotBlank @Size(max = 300) String title, Long amountRials,
                             @Size(max = 100) String reference) {
}

package ir.kanoon.ideabank.idea;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Referral of an accepted idea (Art. 3-15): to what kind of body, which one, and why. */
public record ReferralForm(@NotNull ReferralTarget referredTo, @NotBlank @Size(max = 300) String organisation,
                           @NotBlank @Size(max = 2000) String reason) {
}

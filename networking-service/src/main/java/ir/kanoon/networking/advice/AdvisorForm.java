package ir.kanoon.networking.advice;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Opting in as an advisor, or changing one's offer (PUT). */
public record AdvisorForm(@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> expertise,
                          @NotNull @Min(1) @Max(100) Integer weeklyCapacity,
                          @NotEmpty List<Advisor.@NotNull Channel> channels,
                          Boolean active) {
}

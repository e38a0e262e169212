package ir.kanoon.networking.advice;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The asker closes an answered question with a rating of the advice (1–5). */
public record CloseForm(@NotNull @Min(1) @Max(5) Integer rating) {
}

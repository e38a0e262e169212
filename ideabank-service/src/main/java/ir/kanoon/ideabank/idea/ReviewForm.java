package ir.kanoon.ideabank.idea;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Map;

/** A reviewer's scores (0..10 for every configured criterion) and comment. */
public record ReviewForm(@NotNull Map<String, Integer> scores, @NotBlank @Size(max = 4000) String comment) {
}

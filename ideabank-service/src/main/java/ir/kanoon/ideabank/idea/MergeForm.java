package ir.kanoon.ideabank.idea;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** Merge this (duplicate) idea into {@code originalId}; the duplicate is kept, read-only and linked. */
public record MergeForm(@NotNull UUID originalId, @NotBlank @Size(max = 2000) String reason) {
}

package ir.kanoon.networking.support;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a state change was made (kept in the audit history). */
public record Reason(@NotBlank @Size(max = 1000) String reason) {
}

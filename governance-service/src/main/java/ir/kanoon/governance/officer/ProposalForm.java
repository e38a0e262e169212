package ir.kanoon.governance.officer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** The labour DG's proposal of an active trustee for an office (Art. 8, R6). */
public record ProposalForm(@NotBlank String province, @NotNull Office office, @NotNull UUID appointmentId) {
}

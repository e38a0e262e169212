package ir.kanoon.governance.interest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Requests and views of the conflict-of-interest register. */
public final class InterestForms {

    private InterestForms() {
    }

    public record Declaration(@NotNull InterestType interestType, @NotBlank @Size(max = 2000) String description,
                              @NotNull LocalDate validFrom, LocalDate validTo) {
    }

    /** The annual confirmation: the register is complete, or explicitly "nothing to declare". */
    public record Confirmation(@NotNull @Min(1390) @Max(1500) Integer jalaliYear, boolean nothingToDeclare) {
    }

    @Schema(name = "InterestDeclaration")
    public record DeclarationView(UUID id, UUID appointmentId, InterestType interestType, String description,
                                  LocalDate validFrom, String validFromJalali, LocalDate validTo, String validToJalali,
                                  Instant declaredAt) {
    }

    @Schema(name = "InterestConfirmation")
    public record ConfirmationView(int jalaliYear, boolean nothingToDeclare, Instant confirmedAt) {
    }

    @Schema(name = "InterestRegister")
    public record Register(UUID appointmentId, List<DeclarationView> declarations, List<ConfirmationView> confirmations) {
    }
}

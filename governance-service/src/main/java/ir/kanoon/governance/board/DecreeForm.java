package ir.kanoon.governance.board;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The planning deputy's decree (Art. 6 Note 2, R5): its number, issue date and the term's end. */
public record DecreeForm(@NotBlank @Size(max = 64) String decreeNumber,
                         @NotNull LocalDate issuedOn,
                         @NotNull LocalDate termEnd) {
}

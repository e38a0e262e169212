package ir.kanoon.governance.board;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * A nomination to a seat (Art. 6): the person (Persian name, national ID, organisation, optional member id and
 * Keycloak user), who nominated them (R3/R4) and the nomination letter.
 */
public record NominationForm(@NotNull Seat seat,
                             @NotBlank @Size(max = 200) String fullName,
                             @NotBlank String nationalId,
                             @Size(max = 200) String organisation,
                             UUID memberId,
                             @Size(max = 100) String userId,
                             @NotNull Nominator nominatedBy,
                             @Size(max = 200) String nominationDocument) {
}

package ir.kanoon.governance.board;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Ending an active appointment (resignation or revocation; term expiry is the daily job's). */
public record EndForm(@NotNull EndReason reason, @Size(max = 200) String document, @Size(max = 500) String note) {
}

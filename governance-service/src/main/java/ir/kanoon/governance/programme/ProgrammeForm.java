package ir.kanoon.governance.programme;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A programme as created or replaced (PUT). */
public record ProgrammeForm(@NotBlank @Size(max = 300) String title,
                            @NotEmpty List<String> clauses,
                            @NotBlank @Size(max = 200) String owner,
                            UUID workingGroupId,
                            @NotNull LocalDate plannedStart,
                            @NotNull LocalDate plannedEnd,
                            LocalDate actualStart,
                            LocalDate actualEnd,
                            ProgrammeStatus status,
                            @Min(0) @Max(100) Integer progress,
                            @Size(max = 10000) String outputs) {
}

package ir.kanoon.ideabank.idea;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Submitting (POST) or revising (PUT) an idea. Persian text is stored canonical. */
public record IdeaForm(
        @NotNull IdeaKind kind,
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 2000) String summary,
        @Size(max = 20000) String description,
        @NotBlank @Pattern(regexp = "[A-Z][A-Z_]{1,39}", message = "must be an upper-case sector code such as INDUSTRY") String sector,
        @Size(max = 20) List<@NotBlank @Size(max = 60) String> tags,
        @NotNull Stage stage,
        Set<SupportKind> supportSought,
        @NotBlank @Pattern(regexp = "IR-\\d{2}", message = "must be a province code such as IR-07") String province,
        @NotNull Confidentiality confidentiality,
        @Size(max = 20) List<@Valid TeamMember> team,
        @Valid Patent patent) {

    /** Patent or declaration record of an invention (registration number, office, date). */
    public record Patent(@NotBlank @Size(max = 60) String registrationNumber, @NotBlank @Size(max = 200) String office,
                         @NotNull LocalDate date) {
    }
}

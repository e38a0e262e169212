package ir.kanoon.governance.report;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The secretariat's narrative sections (Persian text). */
public record NarrativeForm(@NotNull @Size(max = 20000) String narrative) {
}

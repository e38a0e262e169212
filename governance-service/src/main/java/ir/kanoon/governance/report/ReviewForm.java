package ir.kanoon.governance.report;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The ministry's review: ACCEPTED or RETURNED with comments. */
public record ReviewForm(@NotNull ReportStatus decision, @Size(max = 5000) String comments) {
}

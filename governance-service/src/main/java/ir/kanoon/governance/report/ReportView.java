package ir.kanoon.governance.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * A quarterly report: while DRAFT (or RETURNED) the figures are computed live; from submission on they are the
 * submitted ones.
 */
@Schema(name = "QuarterlyReport")
public record ReportView(String id, String province, int jalaliYear, int quarter, LocalDate periodStart,
                         String periodStartJalali, LocalDate periodEnd, String periodEndJalali, LocalDate dueDate,
                         String dueDateJalali, ReportStatus status, String narrative, ReportFigures figures,
                         String comments, boolean late, long version) {
}

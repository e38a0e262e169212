package ir.kanoon.governance.report;

import ir.kanoon.platform.jalali.JalaliQuarter;
import ir.kanoon.platform.problem.Problems;

import java.time.LocalDate;

/** Art. 6 Note 4 (R12): quarters of the Jalali year, the due date, and the report's lifecycle. */
public final class ReportRules {

    public static final String ART_6_NOTE_4 = "Art. 6 Note 4";

    private ReportRules() {
    }

    /** Due {@code dueDays} after the quarter's last day (Esfand 30 in a leap year, 29 otherwise). */
    public static LocalDate dueDate(JalaliQuarter q, int dueDays) {
        return q.end().plusDays(dueDays);
    }

    /** A quarter is reported once it has ended (a report of a running quarter cannot be submitted). */
    public static ReportStatus submit(ReportStatus status, JalaliQuarter q, LocalDate today) {
        if (!today.isAfter(q.end())) {
            throw Problems.rule(ART_6_NOTE_4, "report.quarter-not-ended", q.toString());
        }
        if (status != ReportStatus.DRAFT && status != ReportStatus.RETURNED) {
            throw Problems.conflict("report.transition", "submit", status.name());
        }
        return ReportStatus.SUBMITTED;
    }

    public static ReportStatus review(ReportStatus status, ReportStatus decision) {
        if (decision != ReportStatus.ACCEPTED && decision != ReportStatus.RETURNED) {
            throw Problems.invalid("decision", "report.decision");
        }
        if (status != ReportStatus.SUBMITTED) {
            throw Problems.conflict("report.transition", "review", status.name());
        }
        return decision;
    }

    /** Narrative sections are written while the report is with the province (DRAFT or RETURNED). */
    public static void requireEditable(ReportStatus status) {
        if (status != ReportStatus.DRAFT && status != ReportStatus.RETURNED) {
            throw Problems.conflict("report.transition", "edit", status.name());
        }
    }

    public static JalaliQuarter quarter(int year, String q) {
        if (q == null || !q.matches("[Qq]?[1-4]") || year < 1300 || year > 1500) {
            throw Problems.invalid("quarter", "report.quarter");
        }
        return new JalaliQuarter(year, Integer.parseInt(q.replaceAll("[Qq]", "")));
    }
}

package ir.kanoon.governance.report;

/** DRAFT → SUBMITTED (labour DG) → ACCEPTED or RETURNED (ministry); a RETURNED report is resubmitted. */
public enum ReportStatus {
    DRAFT, SUBMITTED, ACCEPTED, RETURNED
}

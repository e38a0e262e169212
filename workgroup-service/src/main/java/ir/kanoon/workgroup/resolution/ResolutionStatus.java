package ir.kanoon.workgroup.resolution;

import java.time.LocalDate;

/**
 * Follow-up of a resolution. OPEN, IN_PROGRESS and DONE are stored; OVERDUE is what an unfinished resolution
 * past its due date is shown as (derived on read, so it never depends on a job having run).
 */
public enum ResolutionStatus {
    OPEN,
    IN_PROGRESS,
    DONE,
    OVERDUE;

    public static ResolutionStatus shown(ResolutionStatus stored, LocalDate dueDate, LocalDate today) {
        if (stored != DONE && dueDate != null && today.isAfter(dueDate)) {
            return OVERDUE;
        }
        return stored;
    }

    /** OPEN → IN_PROGRESS | DONE; IN_PROGRESS → OPEN | DONE; DONE is final. OVERDUE is never set. */
    public static boolean allowed(ResolutionStatus from, ResolutionStatus to) {
        if (to == OVERDUE || from == DONE || from == to) {
            return false;
        }
        return true;
    }
}

package ir.kanoon.membership.application;

public enum ApplicationStatus {
    SUBMITTED, UNDER_REVIEW, APPROVED, REJECTED, NEEDS_INFO, WITHDRAWN;

    /** Open applications count for the one-person rule; decided or withdrawn ones do not. */
    public boolean isOpen() {
        return this == SUBMITTED || this == UNDER_REVIEW || this == NEEDS_INFO;
    }
}

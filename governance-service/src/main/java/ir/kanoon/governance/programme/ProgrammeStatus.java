package ir.kanoon.governance.programme;

public enum ProgrammeStatus {
    PLANNED, IN_PROGRESS, DONE, CANCELLED
}

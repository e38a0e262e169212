package ir.kanoon.workgroup.cadence;

public enum CadenceStatus {
    OK,
    DUE_SOON,
    OVERDUE
}

package ir.kanoon.governance.board;

/**
 * NOMINATED → (faculty: APPROVED by Chair or Secretary, R3) → INTRODUCED by the labour DG → ACTIVE by the planning
 * deputy's decree (R5) → ENDED (term expiry, resignation, revocation).
 */
public enum AppointmentStatus {
    NOMINATED, APPROVED, INTRODUCED, ACTIVE, ENDED
}

package ir.kanoon.governance.officer;

/** PROPOSED by the labour DG → ACTIVE when the planning deputy appoints → ENDED (or REJECTED / WITHDRAWN). */
public enum OfficerStatus {
    PROPOSED, ACTIVE, ENDED, REJECTED
}

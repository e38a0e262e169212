package ir.kanoon.governance.officer;

/** PROPOSED by the labour DG → ACTIVE when the planning deputy appoints → ENDED; a proposal whose trustee left the Board lapses as REJECTED. */
public enum OfficerStatus {
    PROPOSED, ACTIVE, ENDED, REJECTED
}

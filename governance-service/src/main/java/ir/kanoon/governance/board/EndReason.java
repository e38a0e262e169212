package ir.kanoon.governance.board;

/** Why an appointment ended (events-contract: trustee.left reason). */
public enum EndReason {
    TERM_ENDED, RESIGNED, REVOKED
}

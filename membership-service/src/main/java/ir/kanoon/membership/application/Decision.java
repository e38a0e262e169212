package ir.kanoon.membership.application;

/** The outcome of a qualification review (Art. 7, R8). */
public enum Decision {
    APPROVED, REJECTED, NEEDS_INFO
}

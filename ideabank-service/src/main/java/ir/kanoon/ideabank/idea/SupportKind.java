package ir.kanoon.ideabank.idea;

/** Support the submitter seeks. */
public enum SupportKind {
    FUNDING, MENTORING, PARTNERSHIP, MARKET_ACCESS, INCUBATION
}

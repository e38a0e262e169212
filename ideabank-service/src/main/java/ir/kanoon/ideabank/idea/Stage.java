package ir.kanoon.ideabank.idea;

/** How far the idea has come. */
public enum Stage {
    CONCEPT, PROTOTYPE, MARKET_READY
}

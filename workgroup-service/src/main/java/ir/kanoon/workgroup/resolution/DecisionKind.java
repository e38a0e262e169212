package ir.kanoon.workgroup.resolution;

/** A resolution is adopted by recorded votes or by consensus. */
public enum DecisionKind {
    VOTES,
    CONSENSUS
}

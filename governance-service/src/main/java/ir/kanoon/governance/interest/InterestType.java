package ir.kanoon.governance.interest;

/** Kinds of interest a trustee declares. */
public enum InterestType {
    SHAREHOLDING, EMPLOYMENT, BOARD_MEMBERSHIP, FAMILY, CONTRACT, GIFT, OTHER
}

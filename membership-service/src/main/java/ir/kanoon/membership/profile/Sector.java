package ir.kanoon.membership.profile;

/** An entrepreneur's sector (Art. 4-1, R7); only the ENTREPRENEUR category has one. */
public enum Sector {
    INDUSTRIAL, SERVICES, COMMERCIAL, HOME_BUSINESS
}

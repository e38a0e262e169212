package ir.kanoon.governance.officer;

/** The Association's officers (Art. 8). */
public enum Office {
    PRESIDENT, SECRETARY
}

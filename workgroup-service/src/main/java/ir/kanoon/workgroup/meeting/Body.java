package ir.kanoon.workgroup.meeting;

/** The bodies that meet: the Board of Trustees (Art. 7 Note), the Association and each working group (Art. 9 Note 2). */
public enum Body {
    BOARD_OF_TRUSTEES,
    ASSOCIATION,
    WORKING_GROUP;

    /** Settings key, e.g. {@code board-of-trustees}. */
    public String key() {
        return name().toLowerCase().replace('_', '-');
    }
}

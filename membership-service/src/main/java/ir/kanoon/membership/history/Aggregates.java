package ir.kanoon.membership.history;

/**
 * This service's aggregate types in the platform's audit history ({@link ir.kanoon.platform.history.History}):
 * applications (Art. 7 qualification) and members (Art. 4, Art. 7 continued membership).
 */
public final class Aggregates {

    public static final String APPLICATION = "APPLICATION";
    public static final String MEMBER = "MEMBER";

    private Aggregates() {
    }
}

package ir.kanoon.membership.member;

import java.time.LocalDate;

/**
 * Membership terms (R8: continued membership depends on qualification, so it is granted for a term and
 * renewed on a Board resolution). A term ends at the end of {@code termEnd}; the member expires the day after.
 */
public final class MembershipTerm {

    private MembershipTerm() {
    }

    public static LocalDate firstTermEnd(LocalDate admittedOn, int years) {
        return admittedOn.plusYears(years).minusDays(1);
    }

    /** An early renewal extends the running term; a late one starts a new term today. */
    public static LocalDate renewedTermEnd(LocalDate currentEnd, LocalDate today, int years) {
        return currentEnd.isBefore(today) ? firstTermEnd(today, years) : currentEnd.plusYears(years);
    }

    public static boolean isOver(LocalDate termEnd, LocalDate today) {
        return today.isAfter(termEnd);
    }
}

package ir.kanoon.membership.member;

import ir.kanoon.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** R8 (Art. 7): continued membership — lifecycle, terms, Board resolutions; and membership numbers. */
class MemberRulesTest {

    @Test
    void r8_statusChangesFollowTheLifecycle() {
        assertEquals(MemberStatus.SUSPENDED, MemberLifecycle.next(MemberStatus.ACTIVE, MemberAction.SUSPEND));
        assertEquals(MemberStatus.ACTIVE, MemberLifecycle.next(MemberStatus.SUSPENDED, MemberAction.REINSTATE));
        assertEquals(MemberStatus.ACTIVE, MemberLifecycle.next(MemberStatus.EXPIRED, MemberAction.RENEW));
        assertEquals(MemberStatus.EXPIRED, MemberLifecycle.next(MemberStatus.SUSPENDED, MemberAction.EXPIRE));
        assertEquals(MemberStatus.TERMINATED, MemberLifecycle.next(MemberStatus.EXPIRED, MemberAction.TERMINATE));
        assertFalse(MemberLifecycle.allowed(MemberStatus.SUSPENDED, MemberAction.RENEW));
        assertFalse(MemberLifecycle.allowed(MemberStatus.EXPIRED, MemberAction.SUSPEND));
    }

    @Test
    void r8_terminatedIsFinal() {
        for (MemberAction a : MemberAction.values()) {
            ApiException e = assertThrows(ApiException.class, () -> MemberLifecycle.next(MemberStatus.TERMINATED, a));
            assertEquals("Art. 7", e.rule());
            assertEquals(409, e.status());
        }
    }

    @Test
    void r8_changesCiteABoardResolution() {
        ApiException e = assertThrows(ApiException.class, () -> BoardResolution.require("  "));
        assertEquals(422, e.status());
        assertEquals("Art. 7", e.rule());
        assertThrows(ApiException.class, () -> BoardResolution.require(null));
        assertEquals("HT-1405-12", BoardResolution.require(" HT-۱۴۰۵-۱۲ "));
    }

    @Test
    void r8_termsLastTheConfiguredYearsAndRenewalExtendsOrRestarts() {
        LocalDate admitted = LocalDate.of(2026, 3, 21);
        assertEquals(LocalDate.of(2028, 3, 20), MembershipTerm.firstTermEnd(admitted, 2));
        // early renewal extends the running term
        assertEquals(LocalDate.of(2030, 3, 20),
                MembershipTerm.renewedTermEnd(LocalDate.of(2028, 3, 20), LocalDate.of(2028, 1, 1), 2));
        // a late one starts today
        assertEquals(LocalDate.of(2031, 4, 30),
                MembershipTerm.renewedTermEnd(LocalDate.of(2028, 3, 20), LocalDate.of(2029, 5, 1), 2));
        assertFalse(MembershipTerm.isOver(LocalDate.of(2028, 3, 20), LocalDate.of(2028, 3, 20)));
        assertTrue(MembershipTerm.isOver(LocalDate.of(2028, 3, 20), LocalDate.of(2028, 3, 21)));
    }

    @Test
    void r8_everyActionLeadsOnlyFromItsListedStatuses() {
        // the whole table, written out here independently of MemberLifecycle's maps
        String expected = """
                SUSPEND: ACTIVE
                REINSTATE: SUSPENDED
                TERMINATE: ACTIVE SUSPENDED EXPIRED
                RENEW: ACTIVE EXPIRED
                EXPIRE: ACTIVE SUSPENDED
                """;
        StringBuilder actual = new StringBuilder();
        for (MemberAction a : List.of(MemberAction.SUSPEND, MemberAction.REINSTATE, MemberAction.TERMINATE,
                MemberAction.RENEW, MemberAction.EXPIRE)) {
            actual.append(a).append(':');
            for (MemberStatus s : MemberStatus.values()) {
                if (MemberLifecycle.allowed(s, a)) {
                    actual.append(' ').append(s);
                }
            }
            actual.append('\n');
        }
        assertEquals(expected, actual.toString());
        assertEquals(MemberAction.values().length, 5, "a new action needs a row above");
    }

    @Test
    void membershipNumberIsProvinceJalaliYearAndSequence() {
        assertEquals("IR-07-1405-00042", MembershipNumber.format("ir-07", 1405, 42));
        assertEquals("IR-31-1404-123456", MembershipNumber.format("IR-31", 1404, 123456));
        assertTrue(MembershipNumber.FORMAT.matcher(MembershipNumber.format("IR-04", 1405, 1)).matches());
        assertThrows(IllegalArgumentException.class, () -> MembershipNumber.format("IR-07", 1405, 0));
    }
}

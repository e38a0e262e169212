package ir.kanoon.governance.compliance;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The compliance checks from facts (R2, R5, R6, R9, Art. 9). */
class ComplianceRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29); // 1405-09-08

    @Test
    void r9_boardMeetsEveryTwoMonths_art7Note() {
        assertEquals(CheckStatus.VIOLATION, ComplianceRules.boardMeeting(TODAY, null).status());
        assertEquals(CheckStatus.OK, ComplianceRules.boardMeeting(TODAY, TODAY.minusDays(10)).status());
        assertEquals(CheckStatus.WARNING, ComplianceRules.boardMeeting(TODAY, TODAY.minusMonths(2).plusDays(5)).status());
        assertEquals(CheckStatus.OK, ComplianceRules.boardMeeting(TODAY, TODAY.minusMonths(2).plusDays(20)).status());
        assertEquals(CheckStatus.VIOLATION, ComplianceRules.boardMeeting(TODAY, TODAY.minusMonths(2).minusDays(1)).status());
        assertEquals("Art. 7 Note", ComplianceRules.boardMeeting(TODAY, null).article());
    }

    @Test
    void r9_associationMeetsEveryJalaliMonth_art9Note2() {
        // 1405-09-08: Azar. A meeting on 1405-09-01 is this month; 1405-08-20 last month; 1405-07-20 two months ago.
        assertEquals(CheckStatus.OK, ComplianceRules.associationMeeting(TODAY, LocalDate.of(2026, 11, 22)).status());
        assertEquals(CheckStatus.WARNING, ComplianceRules.associationMeeting(TODAY, LocalDate.of(2026, 11, 11)).status());
        assertEquals(CheckStatus.VIOLATION, ComplianceRules.associationMeeting(TODAY, LocalDate.of(2026, 10, 12)).status());
        assertEquals(CheckStatus.VIOLATION, ComplianceRules.associationMeeting(TODAY, null).status());
    }

    @Test
    void r2_vacanciesAreAViolationAndListed() {
        CheckResult r = ComplianceRules.boardSeats(11, Map.of("FACULTY", 1));
        assertEquals(CheckStatus.VIOLATION, r.status());
        assertEquals(10, r.facts().get("seatsFilled"));
        assertEquals(CheckStatus.OK, ComplianceRules.boardSeats(11, Map.of()).status());
    }

    @Test
    void r6_bothOfficesHeld_r5_decreesAwaited_workingGroups() {
        assertEquals(CheckStatus.VIOLATION, ComplianceRules.officers(Set.of("PRESIDENT")).status());
        assertEquals(CheckStatus.OK, ComplianceRules.officers(Set.of("PRESIDENT", "SECRETARY")).status());
        assertEquals(CheckStatus.WARNING, ComplianceRules.decrees(3, 1).status());
        assertEquals(CheckStatus.VIOLATION, ComplianceRules.workingGroups(Set.of()).status());
        assertEquals(CheckStatus.WARNING, ComplianceRules.workingGroups(Set.of("FINANCE_VENTURE_CAPITAL")).status());
        assertEquals(CheckStatus.WARNING, ComplianceRules.termsEnding(List.of(Map.of("seat", "FACULTY"))).status());
    }
}

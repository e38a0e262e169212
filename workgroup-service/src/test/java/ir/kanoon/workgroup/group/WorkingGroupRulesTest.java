package ir.kanoon.workgroup.group;

import ir.kanoon.platform.problem.ApiException;
import ir.kanoon.workgroup.cadence.Cadence;
import ir.kanoon.workgroup.cadence.CadenceStatus;
import ir.kanoon.workgroup.meeting.Body;
import ir.kanoon.workgroup.meeting.Majority;
import ir.kanoon.workgroup.meeting.MeetingInterval;
import ir.kanoon.workgroup.meeting.Quorum;
import ir.kanoon.workgroup.resolution.ResolutionStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The directive's rules of this service without Quarkus (R9, R10, R11; Art. 7 Note, Art. 9). */
class WorkingGroupRulesTest {

    @Test
    void r10_secondActiveGroupOfATypeIs409NamingArt9() {
        ApiException e = assertThrows(ApiException.class, () -> WorkingGroupRules.requireNoActiveOfType(
                WorkingGroupType.FINANCE_VENTURE_CAPITAL, List.of(WorkingGroupType.FINANCE_VENTURE_CAPITAL)));
        assertEquals(409, e.status());
        assertEquals("Art. 9", e.rule());
        assertDoesNotThrow(() -> WorkingGroupRules.requireNoActiveOfType(WorkingGroupType.FINANCE_VENTURE_CAPITAL,
                List.of(WorkingGroupType.CULTURE_EDUCATION_RESEARCH)));
        assertEquals(5, WorkingGroupType.values().length, "Art. 9 names five types");
    }

    @Test
    void r11_onlyAnActiveMemberOrTrusteeOfTheProvinceCanBeProposed() {
        assertDoesNotThrow(() -> WorkingGroupRules.requireEligible("IR-07", "IR-07", true));
        for (Runnable r : List.<Runnable>of(
                () -> WorkingGroupRules.requireEligible("IR-07", null, false),       // unknown person
                () -> WorkingGroupRules.requireEligible("IR-07", "IR-07", false),    // suspended / left
                () -> WorkingGroupRules.requireEligible("IR-07", "IR-10", true))) {  // another Association
            ApiException e = assertThrows(ApiException.class, r::run);
            assertEquals("Art. 9 Note 1", e.rule());
        }
    }

    @Test
    void r11_onlyAnApprovedSeatCounts_andOnlyAProposalIsDecided() {
        assertFalse(SeatStatus.PROPOSED.counts());
        assertTrue(SeatStatus.APPROVED.counts());
        assertFalse(SeatStatus.REJECTED.counts());
        assertDoesNotThrow(() -> WorkingGroupRules.requireProposed(SeatStatus.PROPOSED));
        assertEquals(409, assertThrows(ApiException.class,
                () -> WorkingGroupRules.requireProposed(SeatStatus.APPROVED)).status());
    }

    @Test
    void quorum_isMoreThanHalfOfTheMembers_byDefault() {
        Quorum q = Quorum.MORE_THAN_HALF;
        assertFalse(q.met(3, 6));
        assertTrue(q.met(4, 6));
        assertTrue(q.met(4, 7));
        assertFalse(q.met(3, 7));
        assertFalse(q.met(0, 0), "a body without members has no quorum");
        assertEquals(4, q.required(7));
        assertEquals(4, q.required(6));
        assertTrue(new Quorum(2.0 / 3).met(5, 7));
        assertFalse(new Quorum(2.0 / 3).met(4, 6));
    }

    @Test
    void majority_isSimpleMajorityOfThosePresent_abstentionsDoNotHelp() {
        assertTrue(Majority.SIMPLE.carried(3, 5));
        assertFalse(Majority.SIMPLE.carried(2, 5));
        assertFalse(Majority.SIMPLE.carried(2, 4), "a tie does not carry");
    }

    @Test
    void r9_boardIsOverdueAfterTwoMonths_dueSoonTwoWeeksBefore() {
        LocalDate held = LocalDate.of(2026, 9, 1);
        assertEquals(new Cadence.Due(LocalDate.of(2026, 11, 1), CadenceStatus.OK),
                Cadence.of(Body.BOARD_OF_TRUSTEES, held, null, LocalDate.of(2026, 10, 1)));
        assertEquals(CadenceStatus.DUE_SOON, Cadence.of(Body.BOARD_OF_TRUSTEES, held, null, LocalDate.of(2026, 10, 20)).status());
        assertEquals(CadenceStatus.DUE_SOON, Cadence.of(Body.BOARD_OF_TRUSTEES, held, null, LocalDate.of(2026, 11, 1)).status());
        assertEquals(CadenceStatus.OVERDUE, Cadence.of(Body.BOARD_OF_TRUSTEES, held, null, LocalDate.of(2026, 11, 2)).status());
    }

    @Test
    void r9_associationIsOverdueAfterAMonth_workingGroupsNever() {
        LocalDate held = LocalDate.of(2026, 9, 1);
        assertEquals(CadenceStatus.OK, Cadence.of(Body.ASSOCIATION, held, null, LocalDate.of(2026, 9, 20)).status());
        assertEquals(CadenceStatus.DUE_SOON, Cadence.of(Body.ASSOCIATION, held, null, LocalDate.of(2026, 9, 25)).status());
        assertEquals(CadenceStatus.OVERDUE, Cadence.of(Body.ASSOCIATION, held, null, LocalDate.of(2026, 10, 2)).status());
        assertEquals(CadenceStatus.OVERDUE, Cadence.of(Body.ASSOCIATION, null, null, LocalDate.of(2026, 10, 2)).status(),
                "never held: overdue");
        Cadence.Due group = Cadence.of(Body.WORKING_GROUP, held, null, LocalDate.of(2027, 1, 1));
        assertEquals(CadenceStatus.OK, group.status(), "working groups may meet every two weeks: a permission");
        assertEquals(LocalDate.of(2026, 9, 15), group.nextDue());
    }

    @Test
    void r9_aWorkingGroupMeetingWithin14DaysOfAnotherIsFound() {
        Instant t = Instant.parse("2026-12-01T06:30:00Z");
        assertTrue(MeetingInterval.tooClose(t, List.of(t.minus(Duration.ofDays(13)))).isPresent());
        assertTrue(MeetingInterval.tooClose(t, List.of(t.plus(Duration.ofDays(3)))).isPresent(), "also before a later one");
        assertFalse(MeetingInterval.tooClose(t, List.of(t.minus(Duration.ofDays(14)))).isPresent());
    }

    @Test
    void resolutionStatus_overdueIsDerived_doneIsFinal() {
        LocalDate today = LocalDate.of(2026, 12, 1);
        assertEquals(ResolutionStatus.OVERDUE, ResolutionStatus.shown(ResolutionStatus.OPEN, today.minusDays(1), today));
        assertEquals(ResolutionStatus.IN_PROGRESS, ResolutionStatus.shown(ResolutionStatus.IN_PROGRESS, today, today));
        assertEquals(ResolutionStatus.DONE, ResolutionStatus.shown(ResolutionStatus.DONE, today.minusDays(9), today));
        assertFalse(ResolutionStatus.allowed(ResolutionStatus.DONE, ResolutionStatus.OPEN));
        assertFalse(ResolutionStatus.allowed(ResolutionStatus.OPEN, ResolutionStatus.OVERDUE));
        assertTrue(ResolutionStatus.allowed(ResolutionStatus.OPEN, ResolutionStatus.IN_PROGRESS));
    }
}

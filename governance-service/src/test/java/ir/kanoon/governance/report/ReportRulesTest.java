package ir.kanoon.governance.report;

import ir.kanoon.platform.jalali.JalaliDate;
import ir.kanoon.platform.jalali.JalaliQuarter;
import ir.kanoon.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** R12 (Art. 6 Note 4) without Quarkus: Jalali quarters, due dates, lifecycle. */
class ReportRulesTest {

    @Test
    void r12_quarter4OfALeapYearEndsOnEsfand30_otherwiseEsfand29() {
        JalaliQuarter leap = new JalaliQuarter(1403, 4);
        assertEquals(new JalaliDate(1403, 12, 30), leap.lastDay());
        assertEquals(LocalDate.of(2025, 3, 20), leap.end());
        assertEquals(new JalaliDate(1404, 12, 29), new JalaliQuarter(1404, 4).lastDay());
        assertEquals(LocalDate.of(2025, 3, 21), new JalaliQuarter(1404, 1).start()); // Nowruz 1404
        assertEquals(new JalaliDate(1404, 3, 31), new JalaliQuarter(1404, 1).lastDay());
        assertEquals(new JalaliDate(1404, 6, 31), new JalaliQuarter(1404, 2).lastDay());
        assertEquals(new JalaliDate(1404, 9, 30), new JalaliQuarter(1404, 3).lastDay());
        // due 15 days after the quarter's end
        assertEquals(LocalDate.of(2025, 4, 4), ReportRules.dueDate(leap, 15));
    }

    @Test
    void r12_submittedOnlyAfterTheQuarter_returnedCanBeResubmitted() {
        JalaliQuarter q = new JalaliQuarter(1404, 2);
        ApiException e = assertThrows(ApiException.class, () -> ReportRules.submit(ReportStatus.DRAFT, q, q.end()));
        assertEquals("Art. 6 Note 4", e.rule());
        assertEquals(ReportStatus.SUBMITTED, ReportRules.submit(ReportStatus.DRAFT, q, q.end().plusDays(1)));
        assertEquals(ReportStatus.SUBMITTED, ReportRules.submit(ReportStatus.RETURNED, q, q.end().plusDays(1)));
        assertThrows(ApiException.class, () -> ReportRules.submit(ReportStatus.ACCEPTED, q, q.end().plusDays(1)));
        assertEquals(ReportStatus.RETURNED, ReportRules.review(ReportStatus.SUBMITTED, ReportStatus.RETURNED));
        assertThrows(ApiException.class, () -> ReportRules.review(ReportStatus.DRAFT, ReportStatus.ACCEPTED));
        assertThrows(ApiException.class, () -> ReportRules.quarter(1404, "Q5"));
    }
}

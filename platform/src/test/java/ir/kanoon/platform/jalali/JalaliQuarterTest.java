package ir.kanoon.platform.jalali;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** R12 (Art. 6 Note 4): quarterly reports follow the Jalali year. */
class JalaliQuarterTest {

    @Test
    void r12QuartersOf1404AndTheirGregorianRanges() {
        JalaliQuarter q1 = new JalaliQuarter(1404, 1);
        assertEquals(LocalDate.of(2025, 3, 21), q1.start());
        assertEquals(LocalDate.of(2025, 6, 21), q1.end());       // 31 Khordad
        JalaliQuarter q2 = q1.next();
        assertEquals(LocalDate.of(2025, 6, 22), q2.start());     // 1 Tir
        assertEquals(LocalDate.of(2025, 9, 22), q2.end());       // 31 Shahrivar
        JalaliQuarter q3 = q2.next();
        assertEquals(LocalDate.of(2025, 9, 23), q3.start());     // 1 Mehr
        assertEquals(LocalDate.of(2025, 12, 21), q3.end());      // 30 Azar
        JalaliQuarter q4 = q3.next();
        assertEquals(LocalDate.of(2025, 12, 22), q4.start());    // 1 Dey
        assertEquals(LocalDate.of(2026, 3, 20), q4.end());       // 29 Esfand (1404 is not leap)
        assertEquals(new JalaliQuarter(1405, 1), q4.next());
    }

    @Test
    void leapYearFourthQuarterEndsOnEsfandThirtieth() {
        assertEquals(LocalDate.of(2025, 3, 20), new JalaliQuarter(1403, 4).end());
        assertEquals(new JalaliDate(1403, 12, 30), new JalaliQuarter(1403, 4).lastDay());
    }

    @Test
    void quarterOfADate() {
        assertEquals(new JalaliQuarter(1404, 1), JalaliQuarter.of(LocalDate.of(2025, 3, 21)));
        assertEquals(new JalaliQuarter(1403, 4), JalaliQuarter.of(LocalDate.of(2025, 3, 20)));
        assertEquals(new JalaliQuarter(1405, 3), JalaliQuarter.of(LocalDate.of(2026, 11, 28)));
        assertTrue(new JalaliQuarter(1405, 3).contains(LocalDate.of(2026, 11, 28)));
        assertFalse(new JalaliQuarter(1405, 2).contains(LocalDate.of(2026, 11, 28)));
    }

    @Test
    void parseAndPrint() {
        assertEquals("1404-Q2", JalaliQuarter.parse("1404-Q2").toString());
        assertEquals(new JalaliQuarter(1404, 2), JalaliQuarter.parse("1404q2"));
        assertEquals(new JalaliQuarter(1403, 4), new JalaliQuarter(1404, 1).previous());
    }
}

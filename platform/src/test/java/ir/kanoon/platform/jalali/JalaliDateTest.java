package ir.kanoon.platform.jalali;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JalaliDateTest {

    @Test
    void nowruz1404IsTwentyFirstOfMarch2025() {
        assertEquals(new JalaliDate(1404, 1, 1), JalaliDate.of(LocalDate.of(2025, 3, 21)));
        assertEquals(LocalDate.of(2025, 3, 21), JalaliDate.parse("1404-01-01").toLocalDate());
        assertEquals(new JalaliDate(1403, 12, 30), JalaliDate.of(LocalDate.of(2025, 3, 20)));
    }

    @Test
    void esfandThirtiethExistsIn1403ButNotIn1404() {
        assertTrue(JalaliDate.isLeapYear(1403));
        assertFalse(JalaliDate.isLeapYear(1404));
        assertEquals("1403-12-30", JalaliDate.parse("1403-12-30").toString());
        assertThrows(DateTimeParseException.class, () -> JalaliDate.parse("1404-12-30"));
        assertThrows(IllegalArgumentException.class, () -> new JalaliDate(1404, 12, 30));
    }

    @Test
    void badShapesAndImpossibleDatesAreRejected() {
        assertThrows(DateTimeParseException.class, () -> JalaliDate.parse("1404-13-01"));
        assertThrows(DateTimeParseException.class, () -> JalaliDate.parse("1404-07-31"));
        assertThrows(DateTimeParseException.class, () -> JalaliDate.parse("yesterday"));
        assertEquals(new JalaliDate(1404, 7, 30), JalaliDate.parse("۱۴۰۴/۰۷/۳۰"));
    }

    @Test
    void conventionsExampleDate() {
        assertEquals("1405-09-07", JalaliDate.format(LocalDate.of(2026, 11, 28)));
    }

    @Test
    void roundTripsAcrossSeveralYears() {
        LocalDate d = LocalDate.of(2020, 1, 1);
        while (d.isBefore(LocalDate.of(2031, 1, 1))) {
            assertEquals(d, JalaliDate.of(d).toLocalDate(), d.toString());
            d = d.plusDays(1);
        }
    }

    @Test
    void todayIsDecidedInTehran() {
        // 21:00 UTC on 20 March 2025 is already 00:30 on 21 March in Tehran (UTC+3:30): Nowruz.
        Clock clock = Clock.fixed(Instant.parse("2025-03-20T21:00:00Z"), ZoneOffset.UTC);
        assertEquals(LocalDate.of(2025, 3, 21), TehranTime.today(clock));
        assertEquals(new JalaliDate(1404, 1, 1), TehranTime.todayJalali(clock));
    }

    /**
     * Issue 13: rendering a Jalali date beside every ISO date in a response must not build an ICU calendar each
     * time. The same day converts once and is then shared (fails while every call converts afresh).
     */
    @Test
    void aDayIsConvertedOnceThenShared() {
        LocalDate day = LocalDate.of(2026, 11, 28);
        assertSame(JalaliDate.of(day), JalaliDate.of(LocalDate.of(2026, 11, 28)));
    }

    /** The memo and the hand-written rendering agree with ICU and String.format over three centuries of days. */
    @Test
    void memoisedConversionAndRenderingAgreeWithIcuFromEveryDay() {
        com.ibm.icu.util.ULocale persian = new com.ibm.icu.util.ULocale("fa_IR@calendar=persian");
        for (LocalDate d = LocalDate.of(1900, 1, 1); d.isBefore(LocalDate.of(2200, 1, 1)); d = d.plusDays(1)) {
            com.ibm.icu.util.Calendar p = com.ibm.icu.util.Calendar.getInstance(com.ibm.icu.util.TimeZone.GMT_ZONE, persian);
            p.clear();
            p.setTimeInMillis(d.toEpochDay() * 86_400_000L);
            String expected = String.format("%04d-%02d-%02d", p.get(com.ibm.icu.util.Calendar.EXTENDED_YEAR),
                    p.get(com.ibm.icu.util.Calendar.MONTH) + 1, p.get(com.ibm.icu.util.Calendar.DAY_OF_MONTH));
            assertEquals(expected, JalaliDate.format(d), d.toString());
            assertEquals(d, JalaliDate.of(d).toLocalDate());
        }
    }
}

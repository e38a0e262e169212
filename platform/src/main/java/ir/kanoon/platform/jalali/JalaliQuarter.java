package ir.kanoon.platform.jalali;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A quarter of the Jalali year (R12, Art. 6 Note 4: the quarterly report follows the Solar Hijri year):
 * Q1 Farvardin–Khordad, Q2 Tir–Shahrivar, Q3 Mehr–Azar, Q4 Dey–Esfand. Rendered {@code 1404-Q1}.
 */
public record JalaliQuarter(int year, int quarter) implements Comparable<JalaliQuarter> {

    public JalaliQuarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1..4: " + quarter);
        }
    }

    public static JalaliQuarter of(LocalDate gregorian) {
        return JalaliDate.of(gregorian).quarter();
    }

    /** Parses {@code 1404-Q1} (also {@code 1404Q1}, {@code 1404-1}). */
    public static JalaliQuarter parse(String text) {
        String s = text == null ? "" : text.strip().toUpperCase();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})-?Q?([1-4])").matcher(s);
        if (!m.matches()) {
            throw new DateTimeParseException("not a Jalali quarter (yyyy-Qn): " + s, s, 0);
        }
        return new JalaliQuarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public JalaliDate firstDay() {
        return new JalaliDate(year, (quarter - 1) * 3 + 1, 1);
    }

    public JalaliDate lastDay() {
        int month = quarter * 3;
        return new JalaliDate(year, month, JalaliDate.lengthOfMonth(year, month));
    }

    /** First Gregorian day of the quarter. */
    public LocalDate start() {
        return firstDay().toLocalDate();
    }

    /** Last Gregorian day of the quarter (inclusive). */
    public LocalDate end() {
        return lastDay().toLocalDate();
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    public JalaliQuarter next() {
        return quarter == 4 ? new JalaliQuarter(year + 1, 1) : new JalaliQuarter(year, quarter + 1);
    }

    public JalaliQuarter previous() {
        return quarter == 1 ? new JalaliQuarter(year - 1, 4) : new JalaliQuarter(year, quarter - 1);
    }

    @Override
    public int compareTo(JalaliQuarter o) {
        int c = Integer.compare(year, o.year);
        return c == 0 ? Integer.compare(quarter, o.quarter) : c;
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}

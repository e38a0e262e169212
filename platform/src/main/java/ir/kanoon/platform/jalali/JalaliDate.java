package ir.kanoon.platform.jalali;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import ir.kanoon.platform.persian.PersianText;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Solar Hijri (Jalali) calendar date, converted with ICU4J's {@code persian} calendar (33-year
 * arithmetic leap rule: 1403 is a leap year, 1404 is not). Rendered as {@code 1404-01-01}.
 */
public record JalaliDate(int year, int month, int day) implements Comparable<JalaliDate> {

    private static final ULocale PERSIAN = new ULocale("fa_IR@calendar=persian");
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final int MEMO_LIMIT = 100_000;
    private static final Map<Long, JalaliDate> BY_EPOCH_DAY = new ConcurrentHashMap<>();
    private static final Map<Integer, Integer> ESFAND_LENGTH = new ConcurrentHashMap<>();
    /**
     * Never used directly (an ICU Calendar is mutable and not thread-safe): each use takes a {@code clone()},
     * about twenty times cheaper than {@code Calendar.getInstance}, which resolves the locale's calendar data
     * on every call.
     */
    private static final Calendar PROTOTYPE = Calendar.getInstance(TimeZone.GMT_ZONE, PERSIAN);
    private static final Pattern ISO_LIKE = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");

    /** Validates the fields: month 1..12 and a day that exists in that month of that year. */
    public JalaliDate {
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            throw new IllegalArgumentException("no such Jalali date: " + year + "-" + month + "-" + day);
        }
    }

    /**
     * Memoised per day: responses render a Jalali date beside every ISO date (two per member read), and an
     * ICU conversion costs far more than the rest of such a read's own work (issue 13). The days in use are
     * few (a century is 36,525), so the map stays small; it is cleared if something ever fills it.
     */
    public static JalaliDate of(LocalDate gregorian) {
        long epochDay = gregorian.toEpochDay();
        JalaliDate cached = BY_EPOCH_DAY.get(epochDay);
        if (cached != null) {
            return cached;
        }
        Calendar p = persianCalendar();
        p.setTimeInMillis(epochDay * MILLIS_PER_DAY);
        JalaliDate date = new JalaliDate(p.get(Calendar.EXTENDED_YEAR), p.get(Calendar.MONTH) + 1,
                p.get(Calendar.DAY_OF_MONTH));
        if (BY_EPOCH_DAY.size() >= MEMO_LIMIT) {
            BY_EPOCH_DAY.clear();
        }
        BY_EPOCH_DAY.put(epochDay, date);
        return date;
    }

    /** Parses {@code yyyy-MM-dd} (or with slashes, Persian digits allowed); dates that do not exist are rejected. */
    public static JalaliDate parse(String text) {
        String ascii = PersianText.asciiDigits(text == null ? "" : text.strip());
        Matcher m = ISO_LIKE.matcher(ascii);
        if (!m.matches()) {
            throw new DateTimeParseException("not a Jalali date (yyyy-MM-dd): " + ascii, ascii, 0);
        }
        try {
            return new JalaliDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (IllegalArgumentException e) {
            throw new DateTimeParseException(e.getMessage(), ascii, 0);
        }
    }

    public static boolean isLeapYear(int year) {
        return lengthOfMonth(year, 12) == 30;
    }

    /** Days in a Jalali month: 31 for months 1–6, 30 for 7–11, 29 or 30 (leap year) for Esfand. */
    public static int lengthOfMonth(int year, int month) {
        if (month <= 6) {
            return 31;
        }
        if (month <= 11) {
            return 30;
        }
        // every Esfand date built (the record's check) asks this: once per year is enough
        return ESFAND_LENGTH.computeIfAbsent(year, y -> {
            Calendar p = persianCalendar();
            p.set(Calendar.EXTENDED_YEAR, y);
            p.set(Calendar.MONTH, 11);
            p.set(Calendar.DAY_OF_MONTH, 1);
            return p.getActualMaximum(Calendar.DAY_OF_MONTH);
        });
    }

    public LocalDate toLocalDate() {
        Calendar p = persianCalendar();
        p.set(Calendar.EXTENDED_YEAR, year);
        p.set(Calendar.MONTH, month - 1);
        p.set(Calendar.DAY_OF_MONTH, day);
        return LocalDate.ofEpochDay(Math.floorDiv(p.getTimeInMillis(), MILLIS_PER_DAY));
    }

    /** The Jalali quarter this date falls in (Q1 = Farvardin–Khordad). */
    public JalaliQuarter quarter() {
        return new JalaliQuarter(year, (month - 1) / 3 + 1);
    }

    @Override
    public int compareTo(JalaliDate o) {
        int c = Integer.compare(year, o.year);
        if (c == 0) {
            c = Integer.compare(month, o.month);
        }
        return c == 0 ? Integer.compare(day, o.day) : c;
    }

    @Override
    public String toString() {
        // not String.format: this runs for every rendered date, and format parses its pattern each time
        StringBuilder sb = new StringBuilder(10);
        pad(sb, year, 4).append('-');
        pad(sb, month, 2).append('-');
        return pad(sb, day, 2).toString();
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }

    /** Null-safe rendering for the read-only {@code …Jalali} fields beside ISO dates in responses. */
    public static String format(LocalDate gregorian) {
        return gregorian == null ? null : of(gregorian).toString();
    }

    private static Calendar persianCalendar() {
        Calendar p = (Calendar) PROTOTYPE.clone();
        p.clear();
        return p;
    }
}

package ir.kanoon.membership.member;

import java.util.regex.Pattern;

/**
 * A readable, unique membership number: province, Jalali year of admission and a sequence per province
 * and year, e.g. {@code IR-07-1405-00042}. Five digits cover any Association's yearly intake; a larger
 * sequence simply grows the number (it stays unique and sortable within a year).
 */
public final class MembershipNumber {

    public static final Pattern FORMAT = Pattern.compile("IR-\\d{2}-\\d{4}-\\d{5,}");

    private MembershipNumber() {
    }

    public static String format(String province, int jalaliYear, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        return String.format("%s-%04d-%05d", province.toUpperCase(java.util.Locale.ROOT), jalaliYear, sequence);
    }
}

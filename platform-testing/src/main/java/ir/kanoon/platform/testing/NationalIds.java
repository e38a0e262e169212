package ir.kanoon.platform.testing;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Valid Iranian national IDs for tests: nine digits and the mod-11 check digit (weights 10..2), never
 * one repeated digit, never the same twice in a JVM (tests of one JVM share a database per application,
 * and the one-person rule would otherwise make unrelated tests collide).
 */
public final class NationalIds {

    private static final AtomicLong NEXT = new AtomicLong(ThreadLocalRandom.current().nextLong(1, 900_000_000L));

    private NationalIds() {
    }

    /** A fresh valid ID, 10 ASCII digits, often with leading zeros. */
    public static String random() {
        String base;
        do {
            base = String.format("%09d", NEXT.getAndIncrement() % 1_000_000_000L);
        } while (base.chars().distinct().count() == 1);
        return withCheckDigit(base);
    }

    /** {@code nineDigits} followed by its check digit. */
    public static String withCheckDigit(String nineDigits) {
        if (!nineDigits.matches("[0-9]{9}")) {
            throw new IllegalArgumentException("nine digits expected: " + nineDigits);
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int r = sum % 11;
        return nineDigits + (r < 2 ? r : 11 - r);
    }

    /** The same ID with a wrong check digit: for tests of rejection. */
    public static String withWrongCheckDigit(String valid) {
        char check = valid.charAt(9);
        return valid.substring(0, 9) + (char) ('0' + (check - '0' + 1) % 10);
    }
}

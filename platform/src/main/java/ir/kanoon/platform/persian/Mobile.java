package ir.kanoon.platform.persian;

import java.util.Optional;

/**
 * Iranian mobile numbers, stored as {@code 09xxxxxxxxx}; also accepted as {@code +989…}, {@code 00989…},
 * {@code 989…} or {@code 9…}, with Persian digits, spaces, dashes or parentheses.
 */
public final class Mobile {

    private Mobile() {
    }

    public static Optional<String> normalize(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String s = PersianText.asciiDigits(input).replaceAll("[\\s\\-()]", "");
        if (s.startsWith("+98")) {
            s = "0" + s.substring(3);
        } else if (s.startsWith("0098")) {
            s = "0" + s.substring(4);
        } else if (s.startsWith("98") && s.length() == 12) {
            s = "0" + s.substring(2);
        } else if (s.startsWith("9") && s.length() == 10) {
            s = "0" + s;
        }
        return s.matches("09\\d{9}") ? Optional.of(s) : Optional.empty();
    }

    public static boolean isValid(String input) {
        return normalize(input).isPresent();
    }

    /** Masked for people who may not see it: {@code 0912*****67}. */
    public static String mask(String mobile) {
        if (mobile == null || mobile.length() != 11) {
            return mobile;
        }
        return mobile.substring(0, 4) + "*****" + mobile.substring(9);
    }
}

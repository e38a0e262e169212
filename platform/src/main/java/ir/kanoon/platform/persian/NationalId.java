package ir.kanoon.platform.persian;

import java.util.Optional;

/**
 * Iranian national ID (کد ملی): ten digits whose last is a mod-11 check digit over the first nine with
 * weights 10..2. IDs of one repeated digit pass the checksum but are not issued, so they are rejected.
 *
 * <p>Exactly ten digits after normalisation (conventions: "10 digits after digit normalisation"):
 * Persian and Arabic-Indic digits become ASCII, and what a copy from a card or a Persian text field
 * carries around the digits — spaces, hyphens, invisible marks such as LRM or ZWSP — is dropped. An 8- or
 * 9-digit input is <em>not</em> left-padded: the ID is the person's key nationwide (the one-person rule),
 * so a guessed form of it is refused (400) and the person types all ten digits, leading zeros included.
 */
public final class NationalId {

    private NationalId() {
    }

    /** The canonical 10-digit form, or empty when the input is not a valid national ID. */
    public static Optional<String> normalize(String input) {
        if (input == null) {
            return Optional.empty();
        }
        StringBuilder kept = new StringBuilder(10);
        for (char c : PersianText.asciiDigits(input).toCharArray()) {
            if (c != '-' && !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !PersianText.isInvisible(c)) {
                kept.append(c);
            }
        }
        String id = kept.toString();
        if (!id.matches("[0-9]{10}")) {
            return Optional.empty();
        }
        if (id.chars().distinct().count() == 1) {
            return Optional.empty();
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (id.charAt(i) - '0') * (10 - i);
        }
        int remainder = sum % 11;
        int check = id.charAt(9) - '0';
        boolean valid = remainder < 2 ? check == remainder : check == 11 - remainder;
        return valid ? Optional.of(id) : Optional.empty();
    }

    public static boolean isValid(String input) {
        return normalize(input).isPresent();
    }

    /** For people who may not see it: keeps the last two digits, e.g. {@code ********29}. */
    public static String mask(String nationalId) {
        if (nationalId == null || nationalId.length() < 2) {
            return nationalId;
        }
        return "*".repeat(nationalId.length() - 2) + nationalId.substring(nationalId.length() - 2);
    }
}

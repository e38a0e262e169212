package ir.kanoon.platform.persian;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NationalIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"0010350829", "1234567891", "0671234560", "2770123459"})
    void validIdsPass(String id) {
        assertEquals(Optional.of(id), NationalId.normalize(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0010350828", "1234567890", "0671234561", "2770123450"})
    void badCheckDigitIsRejected(String id) {
        assertFalse(NationalId.isValid(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000000", "1111111111", "5555555555", "9999999999"})
    void allSameDigitsAreRejectedThoughTheirChecksumHolds(String id) {
        assertFalse(NationalId.isValid(id));
    }

    @Test
    void persianAndArabicIndicDigitsAreAccepted() {
        assertEquals(Optional.of("0010350829"), NationalId.normalize("۰۰۱۰۳۵۰۸۲۹"));
        assertEquals(Optional.of("0010350829"), NationalId.normalize("٠٠١٠٣٥٠٨٢٩"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10350829", "671234560", "10-350-829", "۶۷۱۲۳۴۵۶۰"})
    void eightOrNineDigitsAreRejected_notLeftPadded(String id) {
        // conventions: 10 digits after digit normalisation; a guessed leading zero could name another person
        assertEquals(Optional.empty(), NationalId.normalize(id));
    }

    @Test
    void separatorsAndInvisibleMarksAroundTheTenDigitsAreDropped() {
        assertEquals(Optional.of("0010350829"), NationalId.normalize("001-035082-9"));
        assertEquals(Optional.of("0010350829"), NationalId.normalize("\u200E0010350829\u200F"));
        assertEquals(Optional.of("0010350829"), NationalId.normalize("\uFEFF۰۰۱۰۳۵۰\u200B۸۲۹"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1234567", "12345678901", "12345abcde", "۱۲۳"})
    void wrongLengthOrNonDigitsAreRejected(String id) {
        assertFalse(NationalId.isValid(id));
    }

    @Test
    void nullIsInvalidAndMaskKeepsLastTwo() {
        assertFalse(NationalId.isValid(null));
        assertEquals("********29", NationalId.mask("0010350829"));
        assertTrue(NationalId.isValid(" 0010350829 "));
    }
}

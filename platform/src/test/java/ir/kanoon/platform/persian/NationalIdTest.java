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

    @Test
    void eightAndNineDigitIdsAreLeftPadded() {
        assertEquals(Optional.of("0010350829"), NationalId.normalize("10350829"));
        assertEquals(Optional.of("0671234560"), NationalId.normalize("671234560"));
        assertEquals(Optional.of("0010350829"), NationalId.normalize("001-035082-9"));
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

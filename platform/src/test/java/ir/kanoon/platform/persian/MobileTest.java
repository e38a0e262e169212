package ir.kanoon.platform.persian;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class MobileTest {

    @ParameterizedTest
    @ValueSource(strings = {"09123456789", "+989123456789", "00989123456789", "989123456789", "9123456789",
            "۰۹۱۲۳۴۵۶۷۸۹", "0912 345 6789", "(0912) 345-6789"})
    void acceptedFormsAreStoredAs09(String input) {
        assertEquals(Optional.of("09123456789"), Mobile.normalize(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0912345678", "091234567890", "02188776655", "+4915112345678", "abc"})
    void othersAreRejected(String input) {
        assertFalse(Mobile.isValid(input));
    }

    @org.junit.jupiter.api.Test
    void maskHidesTheMiddle() {
        assertEquals("0912*****89", Mobile.mask("09123456789"));
    }
}

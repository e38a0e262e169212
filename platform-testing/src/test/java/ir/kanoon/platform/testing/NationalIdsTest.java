package ir.kanoon.platform.testing;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NationalIdsTest {

    /** The checksum written out independently of NationalIds: weights 10..2, mod 11 (conventions). */
    private static boolean valid(String id) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (id.charAt(i) - '0') * (10 - i);
        }
        int r = sum % 11;
        int check = id.charAt(9) - '0';
        return r < 2 ? check == r : check == 11 - r;
    }

    @Test
    void randomIdsAreTenDigitsValidDistinctAndNeverOneRepeatedDigit() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            String id = NationalIds.random();
            assertTrue(id.matches("[0-9]{10}"), id);
            assertTrue(valid(id), id);
            assertTrue(id.chars().distinct().count() > 1, id);
            assertTrue(seen.add(id), "repeated " + id);
        }
    }

    @Test
    void knownCheckDigits() {
        assertEquals("0010350829", NationalIds.withCheckDigit("001035082"));
        assertEquals("1234567891", NationalIds.withCheckDigit("123456789"));
        assertNotEquals("0010350829", NationalIds.withWrongCheckDigit("0010350829"));
        assertTrue(!valid(NationalIds.withWrongCheckDigit("0010350829")));
    }
}

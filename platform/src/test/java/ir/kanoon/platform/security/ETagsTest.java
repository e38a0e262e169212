package ir.kanoon.platform.security;

import ir.kanoon.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ETagsTest {

    @Test
    void matchingStrongTagOrStarPasses() {
        assertDoesNotThrow(() -> ETags.requireMatch("\"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("\"1\", \"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("*", 3));
    }

    @Test
    void missingIfMatchIs428PreconditionRequired() {
        for (String absent : new String[] {null, "", "  "}) {
            ApiException e = assertThrows(ApiException.class, () -> ETags.requireMatch(absent, 3));
            assertEquals(428, e.status());
            assertEquals("precondition-required", e.code());
        }
    }

    @Test
    void weakTagNeverMatchesIfMatch() {
        ApiException e = assertThrows(ApiException.class, () -> ETags.requireMatch("W/\"3\"", 3));
        assertEquals(412, e.status());
        assertEquals("\"3\"", e.headers().get("ETag"));
    }

    @Test
    void staleIfMatchIs412WithTheCurrentETag() {
        ApiException e = assertThrows(ApiException.class, () -> ETags.requireMatch("\"2\"", 3));
        assertEquals(412, e.status());
        assertEquals("\"3\"", e.headers().get("ETag"));
    }

    @Test
    void tagAndHeaderValueAreTheSameStrongValidator() {
        assertEquals(ETags.of(7), "\"" + ETags.tag(7).getValue() + "\"");
        assertEquals(false, ETags.tag(7).isWeak());
    }
}

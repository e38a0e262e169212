package ir.kanoon.platform.security;

import ir.kanoon.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ETagsTest {

    @Test
    void matchingOrAbsentIfMatchPasses() {
        assertDoesNotThrow(() -> ETags.requireMatch("\"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("W/\"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("\"1\", \"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("*", 3));
        assertDoesNotThrow(() -> ETags.requireMatch(null, 3));
    }

    @Test
    void staleIfMatchIs412WithTheCurrentETag() {
        ApiException e = assertThrows(ApiException.class, () -> ETags.requireMatch("\"2\"", 3));
        assertEquals(412, e.status());
        assertEquals("\"3\"", e.headers().get("ETag"));
    }
}

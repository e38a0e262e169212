package ir.kanoon.gateway.problem;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemsTest {

    @Test
    void persianUnlessEnglishIsPreferred() {
        assertFalse(Problems.prefersEnglish(null));
        assertFalse(Problems.prefersEnglish(""));
        assertFalse(Problems.prefersEnglish("fa-IR,fa;q=0.9,en;q=0.8"));
        assertFalse(Problems.prefersEnglish("de-DE"));
        assertFalse(Problems.prefersEnglish("en;q=0.5,fa;q=0.9"));
        assertFalse(Problems.prefersEnglish("not a ;; language"));
        assertTrue(Problems.prefersEnglish("en"));
        assertTrue(Problems.prefersEnglish("en-GB,en;q=0.9,fa;q=0.5"));
        assertTrue(Problems.prefersEnglish("de,en;q=0.8"));
    }
}

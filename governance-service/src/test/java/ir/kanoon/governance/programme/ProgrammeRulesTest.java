package ir.kanoon.governance.programme;

import ir.kanoon.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Art. 3 clauses without Quarkus. */
class ProgrammeRulesTest {

    @Test
    void art3_clausesAre3_1To3_17_canonicalAndSorted() {
        assertEquals(List.of("3-2", "3-6", "3-17"), ProgrammeRules.clauses(List.of("3-17", "۳-۶", "3-2", "3-6")));
        assertEquals(400, assertThrows(ApiException.class, () -> ProgrammeRules.clauses(List.of("3-18"))).status());
        assertThrows(ApiException.class, () -> ProgrammeRules.clauses(List.of("4-1")));
        assertThrows(ApiException.class, () -> ProgrammeRules.clauses(List.of("3-0")));
    }
}

package ir.kanoon.ideabank.experience;

import ir.kanoon.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Art. 3-8: DRAFT → IN_REVIEW → PUBLISHED | RETURNED, RETURNED → IN_REVIEW (plain Java). */
class ExperienceStatusTest {

    @Test
    void art3_8_experienceLifecycle() {
        ExperienceStatus.requireTransition(ExperienceStatus.DRAFT, ExperienceStatus.IN_REVIEW);
        ExperienceStatus.requireTransition(ExperienceStatus.IN_REVIEW, ExperienceStatus.PUBLISHED);
        ExperienceStatus.requireTransition(ExperienceStatus.IN_REVIEW, ExperienceStatus.RETURNED);
        ExperienceStatus.requireTransition(ExperienceStatus.RETURNED, ExperienceStatus.IN_REVIEW);
        ApiException e = assertThrows(ApiException.class,
                () -> ExperienceStatus.requireTransition(ExperienceStatus.DRAFT, ExperienceStatus.PUBLISHED));
        assertEquals("Art. 3-8", e.rule());
        assertThrows(ApiException.class, () -> ExperienceStatus.requireTransition(ExperienceStatus.PUBLISHED, ExperienceStatus.RETURNED));
        assertTrue(ExperienceStatus.RETURNED.editable());
        assertFalse(ExperienceStatus.IN_REVIEW.editable());
    }
}

package ir.kanoon.membership.application;

import ir.kanoon.membership.application.ApplicationLifecycle.Action;
import ir.kanoon.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

import static ir.kanoon.membership.application.ApplicationStatus.APPROVED;
import static ir.kanoon.membership.application.ApplicationStatus.NEEDS_INFO;
import static ir.kanoon.membership.application.ApplicationStatus.REJECTED;
import static ir.kanoon.membership.application.ApplicationStatus.SUBMITTED;
import static ir.kanoon.membership.application.ApplicationStatus.UNDER_REVIEW;
import static ir.kanoon.membership.application.ApplicationStatus.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** R8 (Art. 7): admission only through a reviewed qualification decision. */
class ApplicationLifecycleTest {

    @Test
    void r8_reviewThenDecide() {
        assertEquals(UNDER_REVIEW, ApplicationLifecycle.next(SUBMITTED, Action.START_REVIEW));
        assertEquals(APPROVED, ApplicationLifecycle.next(UNDER_REVIEW, Action.APPROVE));
        assertEquals(REJECTED, ApplicationLifecycle.next(UNDER_REVIEW, Action.REJECT));
        assertEquals(NEEDS_INFO, ApplicationLifecycle.next(UNDER_REVIEW, Action.REQUEST_INFO));
    }

    @Test
    void r8_noDecisionWithoutReview() {
        ApiException e = assertThrows(ApiException.class, () -> ApplicationLifecycle.next(SUBMITTED, Action.APPROVE));
        assertEquals(409, e.status());
        assertEquals("Art. 7", e.rule());
        assertFalse(ApplicationLifecycle.allowed(NEEDS_INFO, Action.APPROVE));
    }

    @Test
    void r8_needsInfoGoesBackToSubmittedWhenTheApplicantEdits() {
        assertEquals(SUBMITTED, ApplicationLifecycle.next(NEEDS_INFO, Action.EDIT));
        assertEquals(SUBMITTED, ApplicationLifecycle.next(SUBMITTED, Action.EDIT));
        assertFalse(ApplicationLifecycle.allowed(UNDER_REVIEW, Action.EDIT));
    }

    @Test
    void r8_decidedAndWithdrawnAreFinal() {
        for (ApplicationStatus end : new ApplicationStatus[]{APPROVED, REJECTED, WITHDRAWN}) {
            for (Action a : Action.values()) {
                assertFalse(ApplicationLifecycle.allowed(end, a), end + " " + a);
            }
        }
    }

    @Test
    void withdrawFromEveryOpenState() {
        for (ApplicationStatus s : ApplicationStatus.values()) {
            assertEquals(s.isOpen(), ApplicationLifecycle.allowed(s, Action.WITHDRAW), s.name());
        }
        assertTrue(SUBMITTED.isOpen() && UNDER_REVIEW.isOpen() && NEEDS_INFO.isOpen());
    }
}

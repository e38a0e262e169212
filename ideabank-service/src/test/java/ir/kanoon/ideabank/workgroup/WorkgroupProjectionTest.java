package ir.kanoon.ideabank.workgroup;

import ir.kanoon.ideabank.support.Fixtures;
import ir.kanoon.ideabank.support.Reviewers;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.testing.KanoonTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static ir.kanoon.ideabank.support.Fixtures.*;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The reviewer projection from workgroup-service's events: idempotent, province- and type-aware. */
@KanoonTest
class WorkgroupProjectionTest {

    @Inject
    Reviewers reviewers;

    @Test
    void theSameEventDeliveredTwice_isOneRow_andOtherGroupTypesOrProvincesDoNotMakeReviewers() {
        UUID group = UUID.randomUUID();
        CloudEvent approved = memberApproved(group, "IR-14", WorkingGroups.IDEAS_TYPE, "proj-user", "نام");
        UUID financeGroup = UUID.randomUUID();
        Fixtures.publish(approved, approved,
                memberApproved(financeGroup, "IR-14", "FINANCE_VENTURE_CAPITAL", "proj-finance", "مالی"),
                memberApproved(UUID.randomUUID(), "IR-15", WorkingGroups.IDEAS_TYPE, "proj-elsewhere", "دیگر"));
        await().atMost(Duration.ofSeconds(30)).until(() -> reviewers.isMember("IR-15", "proj-elsewhere")
                && reviewers.rows(financeGroup) == 1);
        assertEquals(1, reviewers.rows(group));
        assertFalse(reviewers.isMember("IR-14", "proj-finance"));
        assertFalse(reviewers.isMember("IR-14", "proj-elsewhere"));
    }

    @Test
    void aDissolvedGroupsMembers_areNoLongerEligibleReviewers() {
        UUID group = UUID.randomUUID();
        Fixtures.publish(memberApproved(group, "IR-16", WorkingGroups.IDEAS_TYPE, "diss-user", "نام"));
        await().atMost(Duration.ofSeconds(30)).until(() -> reviewers.isMember("IR-16", "diss-user"));
        Fixtures.publish(dissolved(group, "IR-16"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !reviewers.isMember("IR-16", "diss-user"));
        String id = submitId(applicant("diss-owner"), idea("IR-16", "عسل ارگانیک", "زنبورداری", "PUBLIC"));
        status(secretariat("IR-16"), id, "SCREENING").statusCode(200);
        act(secretariat("IR-16"), id, "reviewers", Map.of("userId", "diss-user")).statusCode(422)
                .body("type", endsWith("reviewer.not-in-working-group"));
    }
}

package ir.kanoon.membership.support;

import ir.kanoon.platform.problem.ConstraintProblem;
import ir.kanoon.platform.problem.ConstraintProblems;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * The one-person rule's unique indexes (V1) are the backstop when two requests about one person race past
 * OnePersonRule's check: they answer with the rule's own problem instead of the generic "duplicate". The
 * detail is the "elsewhere" text without a province: the row that won may be in a province the caller
 * may not see (conventions: no existence disclosure), and the mapper does not read it.
 */
@ApplicationScoped
public class MembershipConstraints implements ConstraintProblems {

    @Override
    public Map<String, ConstraintProblem> byConstraint() {
        return Map.of(
                "application_one_open_per_person", ConstraintProblem.conflict("person.open-application")
                        .withDetail("person.open-application.elsewhere"),
                "member_one_per_person", ConstraintProblem.conflict("person.existing-membership")
                        .withDetail("person.existing-membership.elsewhere"));
    }
}

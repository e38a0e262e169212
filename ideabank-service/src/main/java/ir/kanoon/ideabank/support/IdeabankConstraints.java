package ir.kanoon.ideabank.support;

import ir.kanoon.platform.problem.ConstraintProblem;
import ir.kanoon.platform.problem.ConstraintProblems;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Unique keys that are rules: two concurrent assignments of one reviewer, or endorsements by one person, answer with the rule. */
@ApplicationScoped
public class IdeabankConstraints implements ConstraintProblems {

    @Override
    public Map<String, ConstraintProblem> byConstraint() {
        return Map.of("review_one_per_reviewer", ConstraintProblem.conflict("reviewer.already-assigned"),
                "idea_endorsement_once", ConstraintProblem.conflict("endorsement.already"));
    }
}

package ir.kanoon.workgroup.support;

import ir.kanoon.platform.problem.ConstraintProblem;
import ir.kanoon.platform.problem.ConstraintProblems;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** The database's backstops of the rules, named so that a race lost in the database still names the rule. */
@ApplicationScoped
public class WorkgroupConstraints implements ConstraintProblems {

    @Override
    public Map<String, ConstraintProblem> byConstraint() {
        return Map.of(
                "working_group_one_active_per_type", ConstraintProblem.conflict("working-group.one-active")
                        .withRule("Art. 9").withDetail("working-group.one-active.race"),
                "group_member_one_seat", ConstraintProblem.conflict("group-member.duplicate"),
                "group_member_one_secretary", ConstraintProblem.conflict("group-member.secretary-taken")
                        .withRule("Art. 9 Note 1"));
    }
}

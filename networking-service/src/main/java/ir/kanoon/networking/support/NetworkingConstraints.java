package ir.kanoon.networking.support;

import ir.kanoon.platform.problem.ConstraintProblem;
import ir.kanoon.platform.problem.ConstraintProblems;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** The database's backstops of networking rules, answered as the rule rather than "duplicate". */
@ApplicationScoped
public class NetworkingConstraints implements ConstraintProblems {

    @Override
    public Map<String, ConstraintProblem> byConstraint() {
        return Map.of(
                "connection_one_pending", ConstraintProblem.conflict("connection.pending-exists").withRule("Art. 3-7"),
                "connection_not_self_ck", ConstraintProblem.rule("Art. 3-7", "connection.self-rule").onField("targetMemberId"),
                "tour_registration_one_live", ConstraintProblem.conflict("tour.already-registered").withRule("Art. 3-9"),
                "tour_capacity_ck", ConstraintProblem.conflict("tour.full").withRule("Art. 3-9"),
                "advisor_one_per_member", ConstraintProblem.conflict("advisor.exists").withRule("Art. 3-11"),
                "networking_profile_pkey", ConstraintProblem.conflict("concurrent-update"));
    }
}

package ir.kanoon.governance.support;

import ir.kanoon.platform.problem.ConstraintProblem;
import ir.kanoon.platform.problem.ConstraintProblems;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** The database's backstops of the directive's rules, answered as the rule when two requests raced past the check. */
@ApplicationScoped
public class GovernanceConstraints implements ConstraintProblems {

    @Override
    public Map<String, ConstraintProblem> byConstraint() {
        return Map.of(
                "appointment_seat_slot_active", ConstraintProblem.conflict("board-seat-full").withRule("Art. 6")
                        .withDetail("board-seat-full.race"),
                "appointment_slot_within_seat_count", ConstraintProblem.conflict("board-seat-full").withRule("Art. 6")
                        .withDetail("board-seat-full.race"),
                "appointment_one_seat_per_person", ConstraintProblem.conflict("trustee.one-seat").withRule("Art. 6"),
                "officer_one_holder_per_office", ConstraintProblem.conflict("officer.office-held").withRule("Art. 8")
                        .withDetail("officer.office-held.race"),
                "officer_one_office_per_person", ConstraintProblem.conflict("officer.one-office-per-person").withRule("Art. 8"),
                "interest_confirmation_once_per_year", ConstraintProblem.conflict("interest.confirmed"),
                "quarterly_report_one_per_quarter", ConstraintProblem.conflict("concurrent-update"));
    }
}

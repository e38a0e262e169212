package ir.kanoon.platform.problem;

import java.util.Map;

/**
 * A service's table of its named constraints (unique indexes, foreign keys, check constraints) and the
 * problem each one means. Implement it as a CDI bean; the platform's {@link ProblemMapper} consults every
 * such bean when PostgreSQL refuses a write, however deeply the transaction wrapped the error:
 *
 * <pre>{@code
 * @ApplicationScoped
 * class BoardConstraints implements ConstraintProblems {
 *     public Map<String, ConstraintProblem> byConstraint() {
 *         return Map.of("seat_one_holder", ConstraintProblem.conflict("seat.taken").withRule("Art. 6"));
 *     }
 * }
 * }</pre>
 *
 * A constraint not listed stays the generic 409 {@code /problems/duplicate} (unique) or a 500 (others).
 */
public interface ConstraintProblems {

    /** Constraint (or unique index) name, exactly as in the migration → the problem it means. */
    Map<String, ConstraintProblem> byConstraint();
}

package ir.kanoon.platform.problem;

/**
 * What a named database constraint means to a client when the database, not the service's own check,
 * refuses a write (two requests raced past the check, or the check does not exist). Rendered by
 * {@link ProblemMapper} as {@code /problems/<code>} with the bundle's {@code <code>.title} and the detail
 * {@code detailKey} (default {@code <code>.detail}) formatted with {@code args}; {@code field}, when set,
 * is also named in {@code violations}.
 *
 * <p>The detail must not need the conflicting row: the mapper does not read it (it may belong to another
 * province or person), so a text that names where the other record is cannot be filled here.
 */
public record ConstraintProblem(int status, String code, String rule, String field, String detailKey, Object... args) {

    /** 409 {@code /problems/<code>}: the write conflicts with an existing row. */
    public static ConstraintProblem conflict(String code) {
        return new ConstraintProblem(409, code, null, null, null);
    }

    /** 422 {@code /problems/<code>} naming an article (a directive rule enforced by a check constraint, say). */
    public static ConstraintProblem rule(String article, String code) {
        return new ConstraintProblem(422, code, article, null, null);
    }

    public ConstraintProblem withRule(String article) {
        return new ConstraintProblem(status, code, article, field, detailKey, args);
    }

    public ConstraintProblem onField(String fieldName) {
        return new ConstraintProblem(status, code, rule, fieldName, detailKey, args);
    }

    /** Another bundle key for the detail (e.g. one without the placeholders the service's own check fills). */
    public ConstraintProblem withDetail(String key, Object... detailArgs) {
        return new ConstraintProblem(status, code, rule, field, key, detailArgs);
    }

    String detailKeyOrDefault() {
        return detailKey != null ? detailKey : code + ".detail";
    }
}

package ir.kanoon.platform.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Factories for the errors services throw. Message keys ({@code code}) resolve to
 * {@code <code>.title} and {@code <code>.detail} in the bundles; {@code args} fill the detail.
 *
 * <pre>{@code
 * throw Problems.rule("Art. 6", "board-seat-full", seatType);     // 422 naming the article
 * throw Problems.invalid("nationalId", "national-id.invalid");     // 400 with a violation
 * }</pre>
 */
public final class Problems {

    private Problems() {
    }

    /** 404: {@code what} (a resource name such as "application") with that id does not exist or is private. */
    public static ApiException notFound(String what, Object id) {
        return new ApiException(404, "not-found", null, List.of(), Map.of(), what, String.valueOf(id));
    }

    /** 409: the request conflicts with the current state (e.g. a duplicate). */
    public static ApiException conflict(String code, Object... args) {
        return new ApiException(409, code, null, List.of(), Map.of(), args);
    }

    /** 422: a rule of the directive forbids this; {@code article} e.g. {@code "Art. 6 Note 2"}. */
    public static ApiException rule(String article, String code, Object... args) {
        return new ApiException(422, code, article, List.of(), Map.of(), args);
    }

    /** 409 naming an article: the rule is broken because of the current state (e.g. an office already held). */
    public static ApiException ruleConflict(String article, String code, Object... args) {
        return new ApiException(409, code, article, List.of(), Map.of(), args);
    }

    /** 422 without an article: the request is well-formed but cannot be processed as sent. */
    public static ApiException unprocessable(String code, Object... args) {
        return new ApiException(422, code, null, List.of(), Map.of(), args);
    }

    /** 400 with one invalid field. */
    public static ApiException invalid(String field, String messageKey, Object... args) {
        return validation().field(field, messageKey, args).build();
    }

    public static ValidationBuilder validation() {
        return new ValidationBuilder();
    }

    /** 403: the caller may not do this (role, or another province). */
    public static ApiException forbidden(String code, Object... args) {
        return new ApiException(403, code, null, List.of(), Map.of(), args);
    }

    /** 412: the {@code If-Match} version is stale; {@code currentETag} tells the client what to re-read. */
    public static ApiException preconditionFailed(String currentETag) {
        return new ApiException(412, "precondition-failed", null, List.of(), Map.of("ETag", currentETag));
    }

    /** 428: a change without {@code If-Match}; the client must send the version it read (conventions, Concurrency). */
    public static ApiException preconditionRequired() {
        return new ApiException(428, "precondition-required", null, List.of(), Map.of());
    }

    /** Collects several invalid fields into one 400. */
    public static final class ValidationBuilder {
        private final List<ApiException.FieldError> errors = new ArrayList<>();

        public ValidationBuilder field(String field, String messageKey, Object... args) {
            errors.add(new ApiException.FieldError(field, messageKey, args));
            return this;
        }

        public boolean isEmpty() {
            return errors.isEmpty();
        }

        public ApiException build() {
            return new ApiException(400, "validation", null, errors, Map.of());
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw build();
            }
        }
    }
}

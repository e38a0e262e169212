package ir.kanoon.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * An error the client can act on, rendered as problem+json by {@link ProblemMapper}. Texts are not
 * built here but looked up by {@code code} in the message bundles (service {@code i18n/messages},
 * then platform {@code i18n/problems}) in the caller's language. Create with {@link Problems}.
 */
public class ApiException extends RuntimeException {

    /** An invalid field whose message is the bundle key {@code key} formatted with {@code args}. */
    public record FieldError(String field, String key, Object... args) {
    }

    private final int status;
    private final String code;
    private final Object[] args;
    private final String rule;
    private final List<FieldError> fieldErrors;
    private final Map<String, String> headers;

    public ApiException(int status, String code, String rule, List<FieldError> fieldErrors,
                        Map<String, String> headers, Object... args) {
        super(code, null, false, false); // no stack trace: this is a client error, not a bug
        this.status = status;
        this.code = code;
        this.args = args;
        this.rule = rule;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    public String rule() {
        return rule;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}

package ir.kanoon.platform.testing.authz;

/**
 * What a cell of the authorisation matrix must answer. Every expectation also demands no 5xx and that a 4xx is
 * {@code application/problem+json} (conventions, HTTP API).
 */
public enum Expect {
    /** Exactly 401: no token, or one the service must not trust (expired, wrong audience/issuer, bad signature). */
    UNAUTHORIZED("401"),
    /** Exactly 403: the role is not declared for the operation ({@code x-roles}), or a read-only role writes. */
    FORBIDDEN("403"),
    /** Never 2xx (403/404/4xx): another province's resource, or a staff token without its scope. */
    REFUSED("¬2xx"),
    /** Past the security checks: not 401/403 (2xx, or a 4xx about the request or the state). */
    ALLOWED("ok"),
    /**
     * A list or query of another province, or without a province claim: refused (403/404/4xx), or 2xx showing
     * nothing of the fixtures' province (checked on the body); never 401.
     */
    SCOPED("scoped"),
    /** Anything but a 5xx (public operations). */
    ANY("any");

    final String mark;

    Expect(String mark) {
        this.mark = mark;
    }

    boolean accepts(int status) {
        if (status < 0 || status >= 500) {
            return false;
        }
        return switch (this) {
            case UNAUTHORIZED -> status == 401;
            case FORBIDDEN -> status == 403;
            case REFUSED -> status >= 400;
            case ALLOWED -> status != 401 && status != 403;
            case SCOPED -> status != 401;
            case ANY -> true;
        };
    }
}

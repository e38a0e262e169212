package ir.kanoon.platform.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;

/**
 * What differs between the modules that use {@link InvalidRequestHook}: how a problem body is rendered. The
 * services render with the platform's {@code Messages}, the gateway with its own {@code Problems}; the hook
 * decides status and code, and closes the connection once the answer is written.
 */
@FunctionalInterface
public interface Responder {

    /**
     * Writes the whole answer to {@code request} ({@code status}, {@code application/problem+json} naming
     * {@code /problems/<code>}, {@code args} filling the detail text's placeholders).
     *
     * @return the end of the response ({@code response.end(...)}), after which the hook closes the connection
     */
    Future<Void> respond(HttpServerRequest request, int status, String code, Object... args);
}

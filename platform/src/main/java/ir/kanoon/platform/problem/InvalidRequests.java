package ir.kanoon.platform.problem;

import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import ir.kanoon.platform.http.InvalidRequestHook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import java.util.Locale;

/**
 * Every service answers what Vert.x's HTTP codec refuses (414, 431, an unparseable URI) as problem+json naming the
 * limit, not bodiless (issue 14). The how and why — reflection into Vert.x, what degrades — is in the shared
 * {@link InvalidRequestHook} (module {@code platform-http}); this only installs it and renders with {@link Messages}.
 */
@ApplicationScoped
public class InvalidRequests {

    private final InvalidRequestHook hook = new InvalidRequestHook(InvalidRequests::respond);

    /** Async: the hook waits for every event loop's server to listen, on a worker thread. */
    void onStart(@ObservesAsync HttpServerStart start, Vertx vertx) throws InterruptedException {
        hook.installWhenListening(vertx);
    }

    /** How many connection handlers answer invalid requests with problem+json (0 until the servers listen). */
    public int installed() {
        return hook.installed();
    }

    /**
     * No {@code instance}: the path is not known. The headers may not have been read either, so the language is
     * the default unless they were. Rendered without JAX-RS: no resource method runs for these requests.
     */
    static Future<Void> respond(HttpServerRequest request, int status, String code, Object... args) {
        String language = request.getHeader("Accept-Language");
        Locale locale = language != null && language.toLowerCase(Locale.ROOT).startsWith("en") ? Messages.EN
                : Messages.FA;
        JsonObject problem = new JsonObject()
                .put("type", "/problems/" + code)
                .put("title", Messages.get(locale, "http." + status + ".title"))
                .put("status", status)
                .put("detail", Messages.get(locale, code + ".detail", args));
        return request.response().setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .putHeader("Content-Language", locale.getLanguage())
                .end(problem.encode());
    }
}

package ir.kanoon.gateway.problem;

import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import ir.kanoon.platform.http.InvalidRequestHook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

/**
 * The gateway answers what Vert.x's HTTP codec refuses (414, 431, an unparseable URI) as problem+json naming the
 * limit, like its other errors, not bodiless (issue 14). The how and why — reflection into Vert.x, what degrades —
 * is in the shared {@link InvalidRequestHook} (module {@code platform-http}, which the gateway takes instead of the
 * heavy {@code platform}); this only installs it and renders with the gateway's {@link Problems}.
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

    /** No {@code instance} nor {@code service}: the codec gave up before the path was known. */
    static Future<Void> respond(HttpServerRequest request, int status, String code, Object... args) {
        Problem p = Problems.of(request, status, code, null, args);
        return request.response().setStatusCode(status)
                .putHeader("Content-Type", Problems.CONTENT_TYPE)
                .putHeader("Cache-Control", "no-store")
                .putHeader("Content-Language", Problems.languageOf(request))
                .end(Problems.body(new Problem(p.type(), p.title(), p.status(), p.detail(), null, null, p.requestId())));
    }
}

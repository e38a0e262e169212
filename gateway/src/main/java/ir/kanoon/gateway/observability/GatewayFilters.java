package ir.kanoon.gateway.observability;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * First thing every request meets: fixes its {@code X-Request-Id} and adds the security headers to
 * whatever answers it (a service, the gateway's own problem responses, health, metrics).
 */
@ApplicationScoped
public class GatewayFilters {

    /** Above the default filters, so even CORS rejections and 401s carry the id. */
    static final int PRIORITY = 10_000;

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            HttpServerRequest request = ctx.request();
            String id = request.getHeader(RequestIds.HEADER);
            if (!RequestIds.acceptable(id)) {
                id = RequestIds.generate();
                // Written into the incoming headers so the proxy forwards it as any other header
                // and the access log (%{i,X-Request-Id}) sees the same id.
                request.headers().set(RequestIds.HEADER, id);
            }
            // Quarkus keeps MDC in the request's duplicated Vert.x context, so this id is in every log
            // line written for this request, also from the proxy's callbacks.
            MDC.put(RequestIds.MDC_KEY, id);
            String requestId = id;
            ctx.addHeadersEndHandler(v -> securityHeaders(ctx.response().headers(), requestId));
            ctx.next();
        }, PRIORITY);
    }

    /** An API serves JSON only: nothing may frame it, sniff it or leak the referrer. */
    private static void securityHeaders(MultiMap headers, String requestId) {
        headers.set(RequestIds.HEADER, requestId);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        if (!headers.contains("Content-Security-Policy")) {
            headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
    }
}

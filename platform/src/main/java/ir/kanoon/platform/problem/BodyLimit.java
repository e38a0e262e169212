package ir.kanoon.platform.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;

/**
 * An over-size request body is a 413 {@code application/problem+json} (conventions, HTTP API: every error is a
 * problem), not the bodiless 413 of the HTTP layer. The limit is {@code quarkus.http.limits.max-body-size}
 * (platform default 1M, as the gateway's {@code kanoon.gateway.max-body-size}: nothing the API takes is near it).
 * A body that declares its length is refused here before a byte of it is read; a chunked body longer than the
 * limit is still cut by Quarkus itself (bodiless 413 and the connection closed).
 */
@ApplicationScoped
public class BodyLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "1M")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long max = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE + 100).handler(ctx -> refuseOversize(ctx, max));
    }

    private static void refuseOversize(RoutingContext ctx, long max) {
        String length = ctx.request().getHeader("Content-Length");
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            declared = -1;   // Vert.x's codec refuses an unparseable length itself
        }
        if (declared <= max) {
            ctx.next();
            return;
        }
        String language = ctx.request().getHeader("Accept-Language");
        Locale locale = language != null && language.toLowerCase(Locale.ROOT).startsWith("en") ? Messages.EN
                : Messages.FA;
        JsonObject problem = new JsonObject()
                .put("type", "/problems/payload-too-large")
                .put("title", Messages.get(locale, "http.413.title"))
                .put("status", 413)
                .put("detail", Messages.get(locale, "payload-too-large.detail", max))
                .put("instance", ctx.request().path());
        // the unread body stays on the wire: close the connection rather than read megabytes to keep it alive
        ctx.response().setStatusCode(413).putHeader("Content-Type", "application/problem+json")
                .putHeader("Connection", "close").end(problem.encode());
    }
}

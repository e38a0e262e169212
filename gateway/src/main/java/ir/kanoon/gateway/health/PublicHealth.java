package ir.kanoon.gateway.health;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.function.Supplier;

/**
 * The detailed health checks ({@code services}: every service's state and breaker) and {@code /q/metrics}
 * are on the management port ({@code quarkus.management.port}, 9080). A load balancer that can reach
 * only the public port still needs to know whether to send traffic here, so {@code /q/health},
 * {@code /q/health/live} and {@code /q/health/ready} on the public port answer the overall status and
 * nothing else: {@code {"status":"UP"}} with 200, or {@code {"status":"DOWN"}} with 503.
 *
 * <p>The outcome is reused for a second: readiness asks every service, and a public URL must not let
 * anyone multiply requests to the services by calling it in a loop.
 */
@ApplicationScoped
public class PublicHealth {

    private static final long REUSE_NANOS = 1_000_000_000L;

    private final SmallRyeHealthReporter reporter;
    private final Cached health = new Cached();
    private final Cached live = new Cached();
    private final Cached ready = new Cached();

    public PublicHealth(SmallRyeHealthReporter reporter) {
        this.reporter = reporter;
    }

    private static final class Cached {
        volatile boolean up;
        volatile long at;
        volatile boolean present;
    }

    void install(@Observes Router router) {
        router.route(HttpMethod.GET, "/q/health").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(ctx -> answer(ctx, health, reporter::getHealthAsync));
        router.route(HttpMethod.GET, "/q/health/live").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(ctx -> answer(ctx, live, reporter::getLivenessAsync));
        router.route(HttpMethod.GET, "/q/health/ready").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(ctx -> answer(ctx, ready, reporter::getReadinessAsync));
    }

    private static void answer(RoutingContext ctx, Cached cached, Supplier<Uni<SmallRyeHealth>> check) {
        long now = System.nanoTime();
        if (cached.present && now - cached.at < REUSE_NANOS) {
            send(ctx, cached.up);
            return;
        }
        Context context = Vertx.currentContext();
        check.get().subscribe().with(result -> {
            boolean up = !result.isDown();
            cached.up = up;
            cached.at = System.nanoTime();
            cached.present = true;
            context.runOnContext(v -> send(ctx, up));
        }, failure -> context.runOnContext(v -> send(ctx, false)));
    }

    private static void send(RoutingContext ctx, boolean up) {
        ctx.response().setStatusCode(up ? 200 : 503)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    }
}

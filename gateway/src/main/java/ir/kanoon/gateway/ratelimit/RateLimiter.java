package ir.kanoon.gateway.ratelimit;

import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;
import ir.kanoon.gateway.config.GatewayConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Per-client limits, one bucket per (route class, client), in two stages (ProxyRoutes): {@code ANONYMOUS}
 * per client address for every request without an already verified token, checked before the token
 * (a flood of missing or forged tokens is refused without a signature check each); then {@code READS}
 * or {@code WRITES} per identity (token subject, or client id), so one noisy front-end user or
 * integration cannot starve the others, even behind a shared address.
 *
 * <p>In memory, per gateway instance: with N replicas behind a load balancer a client gets up to N times
 * the limit. That is acceptable for protecting the services; a shared store would add a network hop
 * to every request.
 */
@ApplicationScoped
@Startup
public class RateLimiter {

    public enum RouteClass { READS, WRITES, ANONYMOUS }

    private final boolean enabled;
    private final Map<RouteClass, GatewayConfig.Limit> limits;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final long sweeper;

    public RateLimiter(GatewayConfig config, Vertx vertx) {
        this.enabled = config.rateLimit().enabled();
        this.limits = Map.of(
                RouteClass.READS, config.rateLimit().reads(),
                RouteClass.WRITES, config.rateLimit().writes(),
                RouteClass.ANONYMOUS, config.rateLimit().anonymous());
        this.vertx = vertx;
        // Forget full buckets now and then, so a stream of one-off IPs does not grow the map forever.
        this.sweeper = vertx.setPeriodic(30_000, id -> sweep());
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(sweeper);
    }

    /**
     * @return 0 when the request may proceed; otherwise the whole seconds to wait ({@code Retry-After}, at least 1)
     */
    public long acquire(RouteClass routeClass, String client) {
        if (!enabled) {
            return 0;
        }
        GatewayConfig.Limit limit = limits.get(routeClass);
        long now = System.nanoTime();
        TokenBucket bucket = buckets.computeIfAbsent(routeClass.ordinal() + "|" + client,
                k -> new TokenBucket(limit.requests(), limit.period().toNanos(), now));
        long waitNanos = bucket.tryTake(now);
        if (waitNanos == 0) {
            return 0;
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
    }

    void sweep() {
        long now = System.nanoTime();
        buckets.values().removeIf(bucket -> bucket.idleAndFull(now));
    }
}

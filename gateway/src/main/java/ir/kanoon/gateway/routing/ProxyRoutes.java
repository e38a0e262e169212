package ir.kanoon.gateway.routing;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ir.kanoon.gateway.auth.Caller;
import ir.kanoon.gateway.auth.TokenCheck;
import ir.kanoon.gateway.config.GatewayConfig;
import ir.kanoon.gateway.observability.GatewayMetrics;
import ir.kanoon.gateway.problem.Problems;
import ir.kanoon.gateway.ratelimit.RateLimiter;
import ir.kanoon.gateway.ratelimit.RateLimiter.RouteClass;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * {@code /api/v1/{resource}/**}: the order of checks is the point of this class. Cheap rejections
 * first (unknown route, oversized body); then, for any request without a token the gateway has already
 * verified, the limit per client address (so a flood of missing or forged tokens is refused before it
 * costs a signature check each); then the token (so a request with a bad token never reaches a
 * service), then the limit per identity, then the service's circuit breaker, then the proxy, which
 * streams the body both ways without buffering it. Everything runs on the event loop.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final String API_PREFIX = "/api/v1/";
    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    private final RouteTable table;
    private final TokenCheck tokens;
    private final RateLimiter limiter;
    private final GatewayMetrics metrics;
    private final ForwardedHeaders forwarded;
    private final long maxBodyBytes;

    public ProxyRoutes(RouteTable table, TokenCheck tokens, RateLimiter limiter, GatewayMetrics metrics,
                       ForwardedHeaders forwarded, GatewayConfig config) {
        this.table = table;
        this.forwarded = forwarded;
        this.tokens = tokens;
        this.limiter = limiter;
        this.metrics = metrics;
        this.maxBodyBytes = config.maxBodySize().asLongValue();
    }

    void install(@Observes Router router) {
        // all of /api, not only /api/v1: the whole API space answers 401 to a caller without a valid token
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_DEFAULT).handler(this::handle);
        // Whatever nothing else (API, /q endpoints) answered: a problem+json 404 rather than an empty page.
        router.route().last().handler(ctx -> reject(ctx.request(), 404, "not-found", null, ctx.request().path()));
        // Anything that fails inside the gateway still answers problem+json; the stack trace goes to
        // the log (with the request id), never to the client.
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 1).failureHandler(ctx -> {
            int status = ctx.statusCode() >= 400 && ctx.statusCode() < 600 ? ctx.statusCode() : 500;
            if (status >= 500) {
                LOG.errorf(ctx.failure(), "%s %s failed", ctx.request().method(), ctx.request().path());
            }
            String code = switch (status) {
                case 401 -> "unauthorized";
                case 404 -> "not-found";
                case 413 -> "payload-too-large";
                default -> status >= 500 ? "internal-error" : "bad-request";
            };
            reject(ctx.request(), status, code, null, ctx.request().path());
        });
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // The body stays in the socket until the proxy pipes it on (or the request is refused).
        request.pause();
        long start = System.nanoTime();
        String path = request.path();
        // Route on the path the service will see. "/api/v1/provinces/../members" must not slip past
        // the token check as a public route, so a path that normalises differently is refused.
        Route route = path.equals(ctx.normalizedPath()) ? table.route(resourceOf(path)) : null;
        String method = request.method().name();
        if (route == null) {
            ctx.addEndHandler(v -> metrics.record("unknown", "none", method, ctx.response().getStatusCode(), System.nanoTime() - start));
            // Under /api a caller without a valid token is 401 whether or not the resource exists (issue 14, the
            // gateway's own answers): the answer to an anonymous probe does not depend on the path. With a valid
            // token an unknown resource, or a path that normalises differently, is 404.
            if (tokens.known(ctx) != null) {
                reject(request, 404, "not-found", null, path);
            } else if (withinLimit(request, RouteClass.ANONYMOUS, "ip:" + forwarded.clientAddress(request))) {
                Context context = Vertx.currentContext();
                tokens.check(ctx).subscribe().with(outcome -> onContext(context, () -> {
                    if (outcome instanceof TokenCheck.Outcome.Accepted) {
                        reject(request, 404, "not-found", null, path);
                    } else {
                        refuse(request, outcome);
                    }
                }));
            }
            return;
        }
        ctx.addEndHandler(v -> metrics.record(route.resource(), route.upstream().name(), method,
                ctx.response().getStatusCode(), System.nanoTime() - start));

        String contentLength = request.getHeader("Content-Length");
        if (contentLength != null && tooLarge(contentLength)) {
            // Do not read a body we are refusing; close the connection instead of draining it.
            request.response().putHeader("Connection", "close");
            request.response().endHandler(v -> request.connection().close());
            Problems.send(request, 413, "payload-too-large", null, Long.toString(maxBodyBytes));
            return;
        }

        RouteClass identityClass = isRead(request.method()) ? RouteClass.READS : RouteClass.WRITES;
        // A cache lookup, no cryptography: a token verified before is the caller's identity already.
        Caller known = tokens.known(ctx);
        if (known != null) {
            forward(ctx, route, known, identityClass);
            return;
        }
        // Everything else (no token, a new or forged token, public routes) is limited by the client's
        // address (the trusted-proxy model of ForwardedHeaders) BEFORE the token check.
        if (!withinLimit(request, RouteClass.ANONYMOUS, "ip:" + forwarded.clientAddress(request))) {
            return;
        }
        if (route.isPublic()) {
            forward(ctx, route, null, null);
            return;
        }
        Context context = Vertx.currentContext();
        tokens.check(ctx).subscribe().with(outcome -> onContext(context, () -> afterTokenCheck(ctx, route, outcome)));
    }

    /**
     * quarkus-oidc may finish on another thread (e.g. after fetching keys); come back to the request's own event
     * loop before touching it.
     */
    private static void onContext(Context context, Runnable action) {
        if (Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    private void afterTokenCheck(RoutingContext ctx, Route route, TokenCheck.Outcome outcome) {
        HttpServerRequest request = ctx.request();
        if (outcome instanceof TokenCheck.Outcome.Accepted accepted) {
            // the identity's own limit, after its address's (a new token came through that one)
            forward(ctx, route, accepted.caller(), isRead(request.method()) ? RouteClass.READS : RouteClass.WRITES);
        } else {
            refuse(request, outcome);
        }
    }

    /** 401 for a missing or an invalid token, with the {@code WWW-Authenticate} challenge that fits. */
    private static void refuse(HttpServerRequest request, TokenCheck.Outcome outcome) {
        if (outcome instanceof TokenCheck.Outcome.Rejected) {
            request.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            reject(request, 401, "invalid-token", null);
        } else {
            request.response().putHeader("WWW-Authenticate", "Bearer");
            reject(request, 401, "unauthorized", null);
        }
    }

    /** @param caller null for an anonymous request, already limited by its address */
    private void forward(RoutingContext ctx, Route route, Caller caller, RouteClass routeClass) {
        HttpServerRequest request = ctx.request();
        if (caller != null && !withinLimit(request, routeClass, caller.client())) {
            return;
        }
        Upstream upstream = route.upstream();
        if (!upstream.breaker().tryAcquire()) {
            // Open breaker: answer now rather than queue on a service that is known to be down.
            request.response().putHeader("Retry-After", "5");
            reject(request, 503, "service-unavailable", upstream.name(), upstream.name());
            return;
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            // Every check has passed: tell the client to send its body now. The service must not be
            // asked again (its "100 Continue" would reach nobody), so the expectation ends here.
            request.headers().remove("Expect");
            request.response().writeContinue();
        }
        route.proxy().handle(request);
    }

    /** Takes a token from the client's bucket, or answers 429 with Retry-After and returns false. */
    private boolean withinLimit(HttpServerRequest request, RouteClass routeClass, String client) {
        long retryAfter = limiter.acquire(routeClass, client);
        if (retryAfter == 0) {
            return true;
        }
        request.response().putHeader("Retry-After", Long.toString(retryAfter));
        reject(request, 429, "rate-limited", null, Long.toString(retryAfter));
        return false;
    }

    /** Refuses a request whose body (if any) we will not forward: let it drain so keep-alive survives. */
    private static void reject(HttpServerRequest request, int status, String code, String service, Object... args) {
        request.resume();
        Problems.send(request, status, code, service, args);
    }

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // the proxy answers 400 to a malformed length
        }
    }

    static String resourceOf(String path) {
        if (!path.startsWith(API_PREFIX)) {
            return "";
        }
        int end = path.indexOf('/', API_PREFIX.length());
        return end < 0 ? path.substring(API_PREFIX.length()) : path.substring(API_PREFIX.length(), end);
    }

    private static boolean isRead(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
    }
}

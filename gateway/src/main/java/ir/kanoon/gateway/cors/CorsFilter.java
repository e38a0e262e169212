package ir.kanoon.gateway.cors;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import ir.kanoon.gateway.config.GatewayConfig;
import ir.kanoon.gateway.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CORS by allowlist. Written here rather than with Quarkus' CORS filter because a refused preflight
 * must be a problem+json like every other gateway error, and that filter answers with an empty 403.
 * Tokens travel in {@code Authorization}, never in cookies, so credentials are not allowed.
 */
@ApplicationScoped
public class CorsFilter {

    static final int PRIORITY = 9_000;

    private final Set<String> origins;
    private final Set<String> methods;
    private final Set<String> headers;
    private final String allowMethods;
    private final String allowHeaders;
    private final String exposeHeaders;
    private final String maxAge;

    public CorsFilter(GatewayConfig config) {
        GatewayConfig.CorsConfig cors = config.cors();
        Set<String> allowed = new LinkedHashSet<>(cors.origins().orElse(List.of()));
        allowed.addAll(devOrigins(cors.devHosts(), cors.devPorts().orElse(List.of())));
        this.origins = Collections.unmodifiableSet(allowed);
        this.methods = cors.methods().stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.headers = cors.headers().stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.allowMethods = String.join(",", cors.methods());
        this.allowHeaders = String.join(",", cors.headers());
        this.exposeHeaders = String.join(",", cors.exposedHeaders());
        this.maxAge = Long.toString(cors.maxAge().toSeconds());
    }

    /**
     * {@code http://host:port} for every dev host and port: one list of ports serves the front-end
     * toolchains a team may use (Vite, Angular, Ionic, React) on each loopback name and the configured host.
     */
    static Set<String> devOrigins(List<String> hosts, List<Integer> ports) {
        Set<String> out = new LinkedHashSet<>();
        for (String host : hosts) {
            if (host.isBlank()) {
                continue;
            }
            for (Integer port : ports) {
                out.add("http://" + host.trim() + ":" + port);
            }
        }
        return out;
    }

    /** Every origin a browser may call the API from (configured and dev). */
    public Set<String> allowedOrigins() {
        return origins;
    }

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            HttpServerRequest request = ctx.request();
            String origin = request.getHeader("Origin");
            if (origin == null) {
                ctx.next();
                return;
            }
            boolean allowed = origins.contains(origin);
            boolean preflight = request.method() == HttpMethod.OPTIONS
                    && request.getHeader("Access-Control-Request-Method") != null;
            if (preflight) {
                if (!allowed || !preflightAcceptable(request)) {
                    Problems.send(request, 403, "cors-rejected", null, origin);
                    return;
                }
                MultiMap out = ctx.response().headers();
                out.set("Access-Control-Allow-Origin", origin);
                out.set("Access-Control-Allow-Methods", allowMethods);
                out.set("Access-Control-Allow-Headers", allowHeaders);
                out.set("Access-Control-Max-Age", maxAge);
                out.add("Vary", "Origin");
                ctx.response().setStatusCode(204).end();
                return;
            }
            if (allowed) {
                // Set when the response is written, so a service's own CORS headers cannot widen it.
                ctx.addHeadersEndHandler(v -> {
                    MultiMap out = ctx.response().headers();
                    out.set("Access-Control-Allow-Origin", origin);
                    out.set("Access-Control-Expose-Headers", exposeHeaders);
                    out.add("Vary", "Origin");
                });
            }
            // A disallowed origin's simple request goes on without CORS headers: the browser withholds
            // the response, and non-browser clients (which send no Origin) are unaffected.
            ctx.next();
        }, PRIORITY);
    }

    private boolean preflightAcceptable(HttpServerRequest request) {
        String method = request.getHeader("Access-Control-Request-Method").trim().toUpperCase(Locale.ROOT);
        if (!methods.contains(method)) {
            return false;
        }
        String requested = request.getHeader("Access-Control-Request-Headers");
        if (requested == null || requested.isBlank()) {
            return true;
        }
        for (String header : requested.split(",")) {
            String name = header.trim().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !headers.contains(name)) {
                return false;
            }
        }
        return true;
    }
}

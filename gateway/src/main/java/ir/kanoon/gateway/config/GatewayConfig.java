package ir.kanoon.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the gateway routes and enforces comes from here, so that adding a resource or a service
 * is a configuration change, never a Java change (issue 4).
 */
@ConfigMapping(prefix = "kanoon.gateway")
public interface GatewayConfig {

    /** Upstream services by name ({@code membership}, {@code governance}, ...). */
    Map<String, ServiceConfig> services();

    /** Top-level resources reachable without a token (reference data). */
    @WithDefault("provinces")
    List<String> publicResources();

    /** Per-resource override of the owning service's response timeout. */
    Map<String, Duration> routeTimeouts();

    /** Largest request body accepted; larger ones get 413 before reaching a service. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    RateLimitConfig rateLimit();

    /**
     * Addresses or CIDR ranges of the load balancers / reverse proxies in front of the gateway
     * ({@code 10.0.0.0/8}, {@code 192.0.2.10}). Only a request whose TCP peer is one of them may tell the
     * gateway who the client is ({@code X-Forwarded-For}) and how it connected ({@code X-Forwarded-Proto},
     * {@code -Host}); from anyone else those headers are replaced. Empty (the default): no proxy is trusted.
     */
    Optional<List<String>> trustedProxies();

    CorsConfig cors();

    OpenApiConfig openapi();

    SwaggerUiConfig swaggerUi();

    interface SwaggerUiConfig {
        /** {@code /q/swagger-ui} over the merged document (issue 12); off where no one should browse the API. */
        @WithDefault("true")
        boolean enabled();

        /** Public realm client Swagger UI signs people in with (authorization code + PKCE). */
        @WithDefault("web-app")
        String clientId();
    }

    interface ServiceConfig {
        /** Base URL, e.g. {@code http://127.0.0.1:8081}. Paths are forwarded unchanged. */
        String url();

        /** First path segments after {@code /api/v1} this service owns. */
        List<String> resources();

        /** Time to get a TCP connection; a refused or unreachable service fails within this. */
        @WithDefault("1s")
        Duration connectTimeout();

        /** Longest silence from the service (waiting for the response or between body chunks). */
        @WithDefault("10s")
        Duration timeout();

        /** Most keep-alive connections held open to this service (the pool is reused across requests). */
        @WithDefault("64")
        int poolSize();

        /**
         * Most requests waiting for a pooled connection when all {@link #poolSize()} are busy. Beyond it a
         * request is answered 503 {@code service-busy} at once: a bounded queue, not a pile-up.
         */
        @WithDefault("64")
        int poolWaitQueue();

        /**
         * Longest wait in that queue; then 503 {@code service-busy}. A full pool says the service is busy,
         * not that it is failing, so neither answer counts against its circuit breaker.
         */
        @WithDefault("1s")
        Duration poolWait();

        /** Extra attempts after a connection failure, for idempotent methods only. */
        @WithDefault("1")
        int retries();

        /**
         * Whether the gateway's own readiness goes DOWN with this service. Off by default: one service
         * being down must not take the whole API out of the load balancer (its routes already answer
         * a fast 503 through the breaker); every service's state is reported either way.
         */
        @WithDefault("false")
        boolean readiness();

        BreakerConfig breaker();
    }

    interface BreakerConfig {
        /**
         * Share of failed calls (connect error, timeout, 502/503/504 from the service) within
         * {@link #window()} that opens the breaker.
         */
        @WithDefault("0.5")
        double failureRatio();

        /** Fewer calls than this within the window never open the breaker, whatever their outcome. */
        @WithDefault("10")
        int minimumCalls();

        /** Sliding window over which calls and failures are counted. */
        @WithDefault("30s")
        Duration window();

        /** How long an open breaker answers 503 at once before letting probes through (half-open). */
        @WithDefault("10s")
        Duration openDuration();

        /** Calls let through while half-open; all must succeed to close, one failure re-opens. */
        @WithDefault("3")
        int halfOpenProbes();
    }

    interface RateLimitConfig {
        @WithDefault("true")
        boolean enabled();

        /** GET, HEAD, OPTIONS of an authenticated caller. */
        Limit reads();

        /** Any other method of an authenticated caller. */
        Limit writes();

        /**
         * Requests that carry no token the gateway has already verified (no token, a new or forged one,
         * public routes), per client address. Checked BEFORE the token, so a flood of forged tokens is
         * refused with 429 without costing an RS256 signature check each.
         */
        @WithName("anonymous")
        Limit anonymous();
    }

    interface Limit {
        /** Requests allowed per {@link #period()}; also the burst size. */
        long requests();

        @WithDefault("1m")
        Duration period();
    }

    interface CorsConfig {
        /** Exact origins allowed to call the API from a browser, e.g. {@code https://app.kanoon.ir}. */
        Optional<List<String>> origins();

        @WithDefault("GET,HEAD,POST,PUT,PATCH,DELETE,OPTIONS")
        List<String> methods();

        @WithDefault("Authorization,Content-Type,Accept,Accept-Language,If-Match,If-None-Match,Idempotency-Key,X-Request-Id,traceparent,tracestate")
        List<String> headers();

        @WithDefault("X-Request-Id,ETag,Location,Retry-After,Idempotency-Replayed")
        List<String> exposedHeaders();

        @WithDefault("10m")
        Duration maxAge();

        /**
         * Hosts of local front-end dev servers: every one × {@link #devPorts()} is allowed as well (issue 12).
         * The realm's {@code web-app} client allows the same origins (CorsTest keeps them equal).
         */
        @WithDefault("localhost,127.0.0.1")
        List<String> devHosts();

        /** Ports of local dev servers (React 3000, Angular 4200, Vite 5173, gateway 8080, Ionic 8100); empty in production. */
        Optional<List<Integer>> devPorts();
    }

    interface OpenApiConfig {
        /** Path of each service's OpenAPI document. */
        @WithDefault("/q/openapi?format=json")
        String path();

        /** How long a merged document is reused before the services are asked again. */
        @WithDefault("30s")
        Duration cacheFor();

        @WithDefault("5s")
        Duration timeout();
    }
}

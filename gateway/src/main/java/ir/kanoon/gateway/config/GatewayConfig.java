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
        /** Consecutive failures (connect error, timeout, 502/503/504) that open the breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker answers 503 at once before letting one probe through. */
        @WithDefault("10s")
        Duration openDuration();
    }

    interface RateLimitConfig {
        @WithDefault("true")
        boolean enabled();

        /** GET, HEAD, OPTIONS of an authenticated caller. */
        Limit reads();

        /** Any other method of an authenticated caller. */
        Limit writes();

        /** Requests without a token (public routes), limited per client IP. */
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

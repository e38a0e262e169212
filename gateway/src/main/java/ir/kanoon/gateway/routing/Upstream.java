package ir.kanoon.gateway.routing;

import io.vertx.core.http.HttpClient;

import java.net.URI;

/**
 * One upstream service: where it is, its keep-alive connection pools and its circuit breaker. Shared
 * by all routes (resources) of that service, so the breaker sees the service as a whole.
 *
 * @param client               the gateway's own calls to the service (readiness, OpenAPI), off the request path
 * @param loopClients          proxied requests: a client per event loop, each with its share of {@code pool-size}
 *
 * @param acquireTimeoutMillis longest time to obtain a connection: the TCP connect plus the wait in the
 *                             pool's bounded queue ({@code connect-timeout + pool-wait})
 */
public record Upstream(String name, URI url, HttpClient client, LoopLocal<HttpClient> loopClients, CircuitBreaker breaker,
                       long connectTimeoutMillis, long acquireTimeoutMillis, int retries, boolean readiness) {

    public String host() {
        return url.getHost();
    }

    public int port() {
        return url.getPort() > 0 ? url.getPort() : ("https".equalsIgnoreCase(url.getScheme()) ? 443 : 80);
    }
}

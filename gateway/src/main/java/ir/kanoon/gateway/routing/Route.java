package ir.kanoon.gateway.routing;

import io.vertx.httpproxy.HttpProxy;

/**
 * A top-level resource ({@code members}) and how to reach it. Each route has its own proxy instance
 * (cheap: the connection pool lives in the {@link Upstream}) so its timeout travels with it.
 */
public record Route(String resource, Upstream upstream, long timeoutMillis, boolean isPublic, HttpProxy proxy) {
}

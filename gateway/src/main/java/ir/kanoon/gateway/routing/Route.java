package ir.kanoon.gateway.routing;

import io.vertx.httpproxy.HttpProxy;

/**
 * A top-level resource ({@code members}) and how to reach it. Each route has its own proxy instances
 * (cheap: the connection pools live in the {@link Upstream}) so its timeout travels with it; one per event
 * loop, over that loop's client ({@link LoopLocal}).
 */
public record Route(String resource, Upstream upstream, long timeoutMillis, boolean isPublic, LoopLocal<HttpProxy> proxies) {

    /** The proxy of the calling event loop: its upstream connections live on this thread. */
    public HttpProxy proxy() {
        return proxies.get();
    }
}

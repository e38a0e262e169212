package ir.kanoon.gateway.routing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import ir.kanoon.gateway.config.GatewayConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * resource → route, built once from {@code kanoon.gateway.services.*}. A resource claimed by two
 * services is a configuration error and stops the gateway at start-up rather than routing at random.
 */
@ApplicationScoped
public class RouteTable {

    private final Map<String, Route> routes = new HashMap<>();
    private final Map<String, Upstream> upstreams = new LinkedHashMap<>();

    public RouteTable(GatewayConfig config, Vertx vertx, ForwardedHeaders forwarded) {
        int loops = LoopLocal.eventLoops(vertx);
        for (Map.Entry<String, GatewayConfig.ServiceConfig> entry : config.services().entrySet()) {
            String name = entry.getKey();
            GatewayConfig.ServiceConfig service = entry.getValue();
            URI url = URI.create(service.url());
            if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
                throw new IllegalStateException("kanoon.gateway.services." + name + ".url must be http(s): " + url);
            }
            int connectTimeout = (int) service.connectTimeout().toMillis();
            HttpClientOptions clientOptions = new HttpClientOptions()
                    .setSsl("https".equalsIgnoreCase(url.getScheme()))
                    .setProtocolVersion(HttpVersion.HTTP_1_1)
                    .setKeepAlive(true)
                    .setKeepAliveTimeout(60)
                    .setConnectTimeout(connectTimeout)
                    .setTcpNoDelay(true)
                    .setName("kanoon-gateway-" + name);
            // The whole pool for the gateway's own calls off the request path (readiness, OpenAPI, AsyncAPI)
            HttpClient client = vertx.createHttpClient(clientOptions, new PoolOptions()
                    .setHttp1MaxSize(service.poolSize())
                    .setMaxWaitQueueSize(Math.max(0, service.poolWaitQueue())));
            // Proxied requests: a client per event loop (LoopLocal says why), each with its share of the pool
            // and of the wait queue, so pool-size stays the bound of connections to the service.
            PoolOptions loopPool = new PoolOptions()
                    .setHttp1MaxSize(LoopLocal.share(service.poolSize(), loops))
                    // Bounded: past it Vert.x fails the request at once (ConnectionPoolTooBusyException),
                    // which UpstreamCalls answers 503 service-busy.
                    .setMaxWaitQueueSize(LoopLocal.share(Math.max(0, service.poolWaitQueue()), loops));
            LoopLocal<HttpClient> loopClients = new LoopLocal<>(
                    () -> vertx.createHttpClient(new HttpClientOptions(clientOptions), loopPool), client);
            GatewayConfig.BreakerConfig breaker = service.breaker();
            // The time to obtain a connection covers a TCP connect (connect-timeout, which fails first with a
            // ConnectException: the service is unreachable) plus the wait in the pool's queue: a timeout past
            // the connect timeout can only be the queue, i.e. a busy service, not a failing one.
            long acquireTimeout = connectTimeout + service.poolWait().toMillis();
            Upstream upstream = new Upstream(name, url, client, loopClients,
                    new CircuitBreaker(breaker.failureRatio(), breaker.minimumCalls(), breaker.window(),
                            breaker.openDuration(), breaker.halfOpenProbes()),
                    connectTimeout, acquireTimeout, service.retries(), service.readiness());
            upstreams.put(name, upstream);
            for (String raw : service.resources()) {
                String resource = raw.trim().toLowerCase(Locale.ROOT);
                if (resource.isEmpty()) {
                    continue;
                }
                Route previous = routes.get(resource);
                if (previous != null) {
                    throw new IllegalStateException("resource '" + resource + "' is configured for both "
                            + previous.upstream().name() + " and " + name);
                }
                long timeout = config.routeTimeouts().getOrDefault(resource, service.timeout()).toMillis();
                UpstreamCalls calls = new UpstreamCalls(vertx, upstream, timeout,
                        config.maxBodySize().asLongValue(), forwarded);
                // Plain reverse proxy: no caching, no WebSocket upgrades (the API has none); one per event loop,
                // over that loop's client.
                LoopLocal<HttpProxy> proxies = new LoopLocal<>(() -> reverseProxy(loopClients.get(), calls),
                        reverseProxy(client, calls));
                routes.put(resource, new Route(resource, upstream, timeout,
                        config.publicResources().contains(resource), proxies));
            }
        }
    }

    private static HttpProxy reverseProxy(HttpClient client, UpstreamCalls calls) {
        return HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                .origin(calls)
                .addInterceptor(calls);
    }

    /** The route of a top-level resource, or null. */
    public Route route(String resource) {
        return routes.get(resource);
    }

    public Collection<Route> routes() {
        return routes.values();
    }

    public Collection<Upstream> upstreams() {
        return upstreams.values();
    }

    public Upstream upstream(String name) {
        return upstreams.get(name);
    }

    @PreDestroy
    void close() {
        for (Upstream upstream : upstreams.values()) {
            upstream.client().close();
            upstream.loopClients().created().forEach(HttpClient::close);
        }
    }
}

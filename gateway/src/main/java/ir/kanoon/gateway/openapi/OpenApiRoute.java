package ir.kanoon.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ir.kanoon.gateway.config.GatewayConfig;
import ir.kanoon.gateway.routing.Route;
import ir.kanoon.gateway.routing.RouteTable;
import ir.kanoon.gateway.routing.Upstream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /q/openapi}: the merged document of all services (JSON). Fetched from the services on
 * demand, without blocking, and reused for {@code kanoon.gateway.openapi.cache-for}; a merge that
 * misses a service is not cached, so the next request tries again. A service that is down is merged
 * from the last document it served (listed in {@code x-kanoon-stale-services}), so a client generator
 * does not lose its part of the API while it restarts; only a service never seen is left out.
 */
@ApplicationScoped
public class OpenApiRoute {

    private static final Logger LOG = Logger.getLogger(OpenApiRoute.class);

    private final RouteTable table;
    private final GatewayConfig.OpenApiConfig config;
    private final ObjectMapper json;
    private final OpenApiMerger merger;
    private final String version;
    private final String issuer;
    private volatile Buffer cached;
    private volatile long cachedAt;
    /** Each service's last good document (issue 14: the merged OpenAPI stays served when a service is down). */
    private final Map<String, JsonNode> lastGood = new java.util.concurrent.ConcurrentHashMap<>();

    public OpenApiRoute(RouteTable table, GatewayConfig config, ObjectMapper json,
                        @ConfigProperty(name = "quarkus.application.version", defaultValue = "1") String version,
                        @ConfigProperty(name = "quarkus.oidc.auth-server-url") java.util.Optional<String> authServer,
                        @ConfigProperty(name = "quarkus.oidc.token.issuer") java.util.Optional<String> tokenIssuer) {
        this.table = table;
        this.config = config.openapi();
        this.json = json;
        this.merger = new OpenApiMerger(json);
        this.version = version;
        // the realm tokens come from: where Swagger UI's "Authorize" signs in
        this.issuer = authServer.filter(url -> !url.isBlank()).or(() -> tokenIssuer).orElse("");
    }

    void install(@Observes Router router) {
        router.route(HttpMethod.GET, "/q/openapi").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::serve);
    }

    void serve(RoutingContext ctx) {
        Buffer fresh = cached;
        if (fresh != null && System.nanoTime() - cachedAt < config.cacheFor().toNanos()) {
            send(ctx, fresh);
            return;
        }
        // by name: the merge's precedence (which service keeps a shared schema name, see OpenApiMerger) must not
        // depend on the order of a configuration map
        List<Upstream> upstreams = new ArrayList<>(table.upstreams());
        upstreams.sort(java.util.Comparator.comparing(Upstream::name));
        List<Future<JsonNode>> fetches = new ArrayList<>();
        for (Upstream upstream : upstreams) {
            fetches.add(fetch(upstream));
        }
        Future.join(fetches).onComplete(done -> {
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            List<String> unavailable = new ArrayList<>();
            List<String> stale = new ArrayList<>();
            for (int i = 0; i < upstreams.size(); i++) {
                Future<JsonNode> fetch = fetches.get(i);
                String name = upstreams.get(i).name();
                if (fetch.succeeded()) {
                    documents.put(name, fetch.result());
                    lastGood.put(name, fetch.result());
                } else if (lastGood.containsKey(name)) {
                    documents.put(name, lastGood.get(name));
                    stale.add(name);
                    LOG.warnf("OpenAPI of %s unavailable, its last good copy is served: %s", name, fetch.cause().toString());
                } else {
                    unavailable.add(upstreams.get(i).name());
                    LOG.warnf("OpenAPI of %s unavailable: %s", upstreams.get(i).name(), fetch.cause().toString());
                }
            }
            Map<String, Set<String>> owned = new LinkedHashMap<>();
            for (Route route : table.routes()) {
                owned.computeIfAbsent(route.upstream().name(), k -> new HashSet<>()).add(route.resource());
            }
            try {
                com.fasterxml.jackson.databind.node.ObjectNode merged = merger.merge(documents, owned, unavailable, version);
                KeycloakScheme.addTo(merged, issuer);
                if (!stale.isEmpty()) {
                    stale.forEach(merged.putArray("x-kanoon-stale-services")::add);
                }
                Buffer body = Buffer.buffer(json.writeValueAsBytes(merged));
                if (unavailable.isEmpty() && stale.isEmpty()) {
                    cached = body;
                    cachedAt = System.nanoTime();
                }
                send(ctx, body);
            } catch (Exception e) {
                ctx.fail(e);
            }
        });
    }

    private Future<JsonNode> fetch(Upstream upstream) {
        RequestOptions options = new RequestOptions()
                .setHost(upstream.host()).setPort(upstream.port())
                .setURI(config.path())
                .setIdleTimeout(config.timeout().toMillis())
                .putHeader("Accept", "application/json");
        return upstream.client().request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("HTTP " + response.statusCode()))
                .map(body -> {
                    try {
                        return json.readTree(body.getBytes());
                    } catch (Exception e) {
                        throw new IllegalStateException("not JSON: " + e.getMessage());
                    }
                });
    }

    private static void send(RoutingContext ctx, Buffer body) {
        ctx.response().putHeader("Content-Type", "application/json").end(body);
    }
}

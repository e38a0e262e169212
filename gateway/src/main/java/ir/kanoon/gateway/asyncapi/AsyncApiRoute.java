package ir.kanoon.gateway.asyncapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ir.kanoon.gateway.config.GatewayConfig;
import ir.kanoon.gateway.problem.Problems;
import ir.kanoon.gateway.routing.Upstream;
import ir.kanoon.gateway.routing.RouteTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Each service's AsyncAPI document (its Kafka events, conventions: events) through the gateway, so an
 * integrator or a dashboard team needs one address for both APIs (issue 12):
 * <ul>
 *   <li>{@code GET /q/asyncapi} — index: every service and where its document is;</li>
 *   <li>{@code GET /q/asyncapi/{service}} — that service's {@code /q/asyncapi} (YAML), passed through as is.</li>
 * </ul>
 * Not merged like OpenAPI: each service owns its topic and its document describes it whole. Fetched on
 * each request (documents are small and rarely read); a missing document or service is problem+json.
 */
@ApplicationScoped
public class AsyncApiRoute {

    public static final String BASE = "/q/asyncapi";
    private static final String UPSTREAM_PATH = "/q/asyncapi";

    private final RouteTable table;
    private final GatewayConfig.OpenApiConfig config;
    private final ObjectMapper json;

    public AsyncApiRoute(RouteTable table, GatewayConfig config, ObjectMapper json) {
        this.table = table;
        this.config = config.openapi();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route(HttpMethod.GET, BASE).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::index);
        router.route(HttpMethod.GET, BASE + "/:service").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::document);
    }

    private void index(RoutingContext ctx) {
        ObjectNode body = json.createObjectNode();
        body.put("description", "AsyncAPI 3.0 document of each service's events, at /q/asyncapi/{service}");
        ObjectNode services = body.putObject("services");
        List<Upstream> upstreams = new ArrayList<>(table.upstreams());
        upstreams.sort(Comparator.comparing(Upstream::name));
        upstreams.forEach(upstream -> services.put(upstream.name(), BASE + "/" + upstream.name()));
        try {
            ctx.response().putHeader("Content-Type", "application/json").end(json.writeValueAsString(body));
        } catch (Exception e) {
            ctx.fail(e);
        }
    }

    private void document(RoutingContext ctx) {
        String name = ctx.pathParam("service");
        Upstream upstream = table.upstream(name);
        if (upstream == null) {
            Problems.send(ctx.request(), 404, "not-found", null, ctx.normalizedPath());
            return;
        }
        RequestOptions options = new RequestOptions()
                .setHost(upstream.host()).setPort(upstream.port())
                .setURI(UPSTREAM_PATH)
                .setIdleTimeout(config.timeout().toMillis())
                .putHeader("Accept", "application/yaml, application/json");
        upstream.client().request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> {
                    int status = response.statusCode();
                    if (status == 200) {
                        String type = response.getHeader("Content-Type");
                        ctx.response().putHeader("Content-Type", type != null ? type : "application/yaml").end(body);
                    } else if (status == 404) {
                        // the service publishes no events
                        Problems.send(ctx.request(), 404, "not-found", name, ctx.normalizedPath());
                    } else {
                        Problems.send(ctx.request(), 502, "bad-gateway", name, name);
                    }
                    return null;
                }))
                .onFailure(e -> {
                    if (!ctx.response().ended()) {
                        Problems.send(ctx.request(), 503, "service-unavailable", name, name);
                    }
                });
    }
}

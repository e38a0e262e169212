package ir.kanoon.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.RequestOptions;
import ir.kanoon.gateway.routing.RouteTable;
import ir.kanoon.gateway.routing.Upstream;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Readiness {@code services}: asks every service's {@code /q/health/ready} (in parallel, without
 * blocking) and reports each one's state and circuit breaker in one place. DOWN when a service marked
 * {@code readiness=true} is not ready. The default is {@code false} for every service: a gateway that
 * left the load balancer whenever any one service is down would turn one outage into a total one.
 */
@Readiness
@ApplicationScoped
public class ServicesReadiness implements AsyncHealthCheck {

    private final RouteTable table;
    private final Duration timeout;

    public ServicesReadiness(RouteTable table,
                             @ConfigProperty(name = "kanoon.gateway.health.timeout", defaultValue = "2s") Duration timeout) {
        this.table = table;
        this.timeout = timeout;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Upstream> upstreams = new ArrayList<>(table.upstreams());
        List<Future<String>> probes = new ArrayList<>();
        for (Upstream upstream : upstreams) {
            probes.add(probe(upstream));
        }
        Future<HealthCheckResponse> result = Future.join(probes).transform(done -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("services").up();
            for (int i = 0; i < upstreams.size(); i++) {
                Upstream upstream = upstreams.get(i);
                Future<String> probe = probes.get(i);
                String state = probe.succeeded() ? probe.result() : "DOWN (" + probe.cause().getMessage() + ")";
                builder.withData(upstream.name(), state + ", breaker " + upstream.breaker().state());
                if (upstream.readiness() && !"UP".equals(state)) {
                    builder.down();
                }
            }
            return Future.succeededFuture(builder.build());
        });
        return Uni.createFrom().completionStage(result.toCompletionStage());
    }

    private Future<String> probe(Upstream upstream) {
        RequestOptions options = new RequestOptions()
                .setHost(upstream.host()).setPort(upstream.port())
                .setURI("/q/health/ready")
                .setIdleTimeout(timeout.toMillis());
        return upstream.client().request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(ignored -> response.statusCode() == 200 ? "UP" : "DOWN (HTTP " + response.statusCode() + ")"));
    }
}

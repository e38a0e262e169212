package ir.kanoon.gateway.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.ConnectionBase;
import ir.kanoon.gateway.support.StubUpstreams;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 (figure 3): a proxied request and its upstream connection run on the same event loop. With one
 * client shared by all event loops, a request that arrived on one loop was handed an idle connection of another,
 * and every step of the exchange was queued from thread to thread (a quarter of the gateway's CPU per request).
 */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class EventLoopAffinityTest {

    @Inject
    RouteTable table;

    @Inject
    Vertx vertx;

    @Test
    void everyEventLoopIsHandedUpstreamConnectionsOfItsOwnLoopOnly() throws Exception {
        Upstream membership = table.route("members").upstream();
        VertxInternal internal = (VertxInternal) vertx;
        Set<Thread> loops = new HashSet<>();
        // Rounds over the loops: after the first round every loop's connections are idle in the pool, which is
        // exactly when a shared pool hands one loop's connection to a request of another.
        for (int i = 0; i < 4 * LoopLocal.eventLoops(vertx); i++) {
            ContextInternal context = internal.createEventLoopContext();
            CompletableFuture<String> outcome = new CompletableFuture<>();
            context.runOnContext(v -> {
                loops.add(Thread.currentThread());
                HttpClient client = membership.loopClients().get();
                client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(membership.host())
                                .setPort(membership.port()).setURI("/api/v1/members"))
                        .onFailure(outcome::completeExceptionally)
                        .onSuccess(request -> {
                            boolean sameLoop = ((ConnectionBase) request.connection()).channel().eventLoop().inEventLoop();
                            request.send().compose(HttpClientResponse::body).onComplete(body -> outcome.complete(
                                    sameLoop ? "same loop" : "connection of another loop: " + request.connection()));
                        });
            });
            assertEquals("same loop", outcome.get(10, TimeUnit.SECONDS));
        }
        assertTrue(loops.size() > 1, "the requests were made from several event loops: " + loops);
    }

    @Test
    void manyClientConnectionsAtOnceAreAllProxied() {
        // Connections to the gateway are spread over its event loops; each loop lazily makes its own upstream
        // client: concurrent first requests on every loop must all be served.
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        String token = TestTokens.user("affinity-user").sign();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            // a client each: 16 connections, round robin over the gateway's event loops
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
            calls.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ideas/" + i))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < calls.size(); i++) {
            HttpResponse<String> response = calls.get(i).join();
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"uri\":\"/api/v1/ideas/" + i + "\""), response.body());
        }
    }
}

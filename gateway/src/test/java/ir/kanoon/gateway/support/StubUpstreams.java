package ir.kanoon.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-ins for the five services (Vert.x HTTP servers on random ports): each echoes what it received
 * as JSON, serves an OpenAPI document for its resources and a toggleable {@code /q/health/ready}.
 * Plus {@code slow} (accepts, never answers on /api), {@code dead} (a port nobody listens on),
 * {@code flaky} (drops a request id's first request), {@code sluggish} (a pool of 2 connections with a wait
 * queue of 2) and {@code shaky} (a breaker opening at half of 4 calls). Every echoing stub answers after
 * {@code ?_delay=<ms>}, with {@code ?_status=<code>}, its own {@code ?_date=} header and a chunked body ({@code ?_chunked=true})
 * when asked.
 * Tests reach the stubs' control endpoints ({@code /_stub/...}) through the URLs in the config.
 */
public class StubUpstreams implements QuarkusTestResourceLifecycleManager {

    /** The conventions' table; the gateway's application.properties must route exactly this. */
    public static final Map<String, List<String>> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("membership", List.of("applications", "members"));
        TABLE.put("governance", List.of("boards", "officers", "compliance", "reports", "programmes"));
        TABLE.put("workgroup", List.of("working-groups", "meetings", "resolutions"));
        TABLE.put("ideabank", List.of("ideas", "experiences"));
        TABLE.put("networking", List.of("directory", "connections", "advisors", "advice-requests", "tours",
                "partners", "clusters", "support-packages"));
    }

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : TABLE.keySet()) {
            config.put("kanoon.gateway.services." + service + ".url", "http://127.0.0.1:" + listen(service, false));
        }
        // governance is the one service the gateway's readiness depends on in the tests
        config.put("kanoon.gateway.services.governance.readiness", "true");
        config.put("kanoon.gateway.services.slow.url", "http://127.0.0.1:" + listen("slow", true));
        config.put("kanoon.gateway.services.slow.resources", "slow-things");
        config.put("kanoon.gateway.services.slow.timeout", "700ms");
        config.put("kanoon.gateway.services.slow.readiness", "false");
        config.put("kanoon.gateway.services.slow.breaker.minimum-calls", "2");
        config.put("kanoon.gateway.services.slow.breaker.open-duration", "1m");
        config.put("kanoon.gateway.services.flaky.url", "http://127.0.0.1:" + listen("flaky", false));
        config.put("kanoon.gateway.services.flaky.resources", "flaky-things");
        config.put("kanoon.gateway.services.dead.url", "http://127.0.0.1:" + freePort());
        config.put("kanoon.gateway.services.dead.resources", "dead-things");
        config.put("kanoon.gateway.services.dead.readiness", "false");
        config.put("kanoon.gateway.services.dead.breaker.minimum-calls", "3");
        config.put("kanoon.gateway.services.dead.breaker.open-duration", "1m");
        // issue 14: a full pool answers 503 service-busy fast and is no breaker failure
        config.put("kanoon.gateway.services.sluggish.url", "http://127.0.0.1:" + listen("sluggish", false));
        config.put("kanoon.gateway.services.sluggish.resources", "sluggish-things");
        config.put("kanoon.gateway.services.sluggish.pool-size", "2");
        config.put("kanoon.gateway.services.sluggish.pool-wait-queue", "2");
        config.put("kanoon.gateway.services.sluggish.pool-wait", "200ms");
        config.put("kanoon.gateway.services.sluggish.timeout", "5s");
        config.put("kanoon.gateway.services.sluggish.breaker.minimum-calls", "3");
        config.put("kanoon.gateway.services.sluggish.breaker.open-duration", "1m");
        config.put("kanoon.gateway.services.shaky.url", "http://127.0.0.1:" + listen("shaky", false));
        config.put("kanoon.gateway.services.shaky.resources", "shaky-things");
        config.put("kanoon.gateway.services.shaky.breaker.minimum-calls", "4");
        config.put("kanoon.gateway.services.shaky.breaker.failure-ratio", "0.5");
        config.put("kanoon.gateway.services.shaky.breaker.open-duration", "1s");
        config.put("kanoon.gateway.services.shaky.breaker.half-open-probes", "2");
        // test clients bind 127.0.0.5 (a single trusted proxy) and 127.0.8.x (a trusted range) as their source
        config.put("kanoon.gateway.trusted-proxies", "127.0.0.5, 127.0.8.0/24");
        // a free port picked here, so tests know where the management interface listens
        config.put("quarkus.management.test-port", Integer.toString(freePort()));
        config.put("kanoon.gateway.openapi.timeout", "1s");
        config.put("kanoon.gateway.max-body-size", "64K");
        config.put("kanoon.gateway.rate-limit.reads.requests", "40");
        config.put("kanoon.gateway.rate-limit.writes.requests", "10");
        // per client address, before the token check: every test from 127.0.0.1 together stays under it
        config.put("kanoon.gateway.rate-limit.anonymous.requests", "200");
        config.put("kanoon.gateway.cors.origins", "https://app.kanoon.example");
        return config;
    }

    private int listen(String service, boolean slow) {
        AtomicInteger hits = new AtomicInteger();
        // flaky: drops the connection, unanswered, the first time it sees a request id
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicBoolean ready = new AtomicBoolean(true);
        AtomicBoolean openapiUp = new AtomicBoolean(true);
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            String path = request.path();
            if (path.equals("/_stub/hits")) {
                request.response().end(Integer.toString(hits.get()));
            } else if (path.equals("/_stub/ready")) {
                ready.set(Boolean.parseBoolean(request.getParam("up")));
                request.response().end();
            } else if (path.equals("/q/health/ready")) {
                request.response().setStatusCode(ready.get() ? 200 : 503)
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("status", ready.get() ? "UP" : "DOWN").encode());
            } else if (path.equals("/_stub/openapi")) {
                openapiUp.set(Boolean.parseBoolean(request.getParam("up")));
                request.response().end();
            } else if (path.equals("/q/openapi") && !openapiUp.get()) {
                request.response().setStatusCode(503).end();
            } else if (path.equals("/q/openapi")) {
                request.response().putHeader("Content-Type", "application/json").end(openapi(service).encode());
            } else if (path.equals("/q/asyncapi") && !slow) {
                // the five services publish events (a small AsyncAPI document each); flaky publishes none
                if (TABLE.containsKey(service)) {
                    request.response().putHeader("Content-Type", "application/yaml")
                            .end("asyncapi: 3.0.0\ninfo:\n  title: " + service + "\n  version: '1'\nchannels:\n  events:\n"
                                    + "    address: kanoon." + service + ".events\n");
                } else {
                    request.response().setStatusCode(404).end();
                }
            } else {
                hits.incrementAndGet();
                if (slow) {
                    return; // never answers: the gateway's timeout and breaker must act
                }
                if (service.equals("flaky") && seen.add(String.valueOf(request.getHeader("X-Request-Id")))) {
                    request.connection().close();
                    return;
                }
                String delay = request.getParam("_delay");
                if (delay != null) {
                    request.pause();
                    vertx.setTimer(Long.parseLong(delay), t -> {
                        echo(service, request);
                        request.resume();
                    });
                } else {
                    echo(service, request);
                }
            }
        });
        try {
            return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS).actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("stub " + service + " did not start", e);
        }
    }

    private static void echo(String service, HttpServerRequest request) {
        AtomicInteger bodyBytes = new AtomicInteger();
        request.handler(chunk -> bodyBytes.addAndGet(chunk.length()));
        request.endHandler(v -> {
            JsonObject headers = new JsonObject();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            JsonObject echo = new JsonObject()
                    .put("service", service)
                    .put("method", request.method().name())
                    .put("uri", request.uri())
                    .put("bodyBytes", bodyBytes.get())
                    .put("headers", headers);
            String status = request.getParam("_status");
            HttpServerResponse response = request.response().setStatusCode(status == null ? 200 : Integer.parseInt(status))
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Stub-Service", service);
            // ?_date=<value>: the service's own Date header; ?_chunked=true: the body in two chunks, no length
            String date = request.getParam("_date");
            if (date != null) {
                response.putHeader("Date", date);
            }
            if (Boolean.parseBoolean(request.getParam("_chunked"))) {
                String text = echo.encode();
                response.setChunked(true);
                response.write(text.substring(0, text.length() / 2));
                response.end(text.substring(text.length() / 2));
            } else {
                response.end(echo.encode());
            }
        });
    }

    /**
     * A document shaped like a platform service's {@code /q/openapi}: platform operationIds
     * ({@code <noun><Method>}), problem+json error responses, the shared {@code Problem}/{@code Province}
     * schemas and the bearer scheme. Like the real services, governance and workgroup both keep an audit
     * history ({@code historyGet}, {@code HistoryEntry}) — with different shapes — and every service serves
     * provinces (platform), so the merge must keep ids unique and each service's own schema.
     */
    static JsonObject openapi(String service) {
        JsonObject paths = new JsonObject();
        for (String resource : TABLE.getOrDefault(service, List.of())) {
            String noun = resource.replace("-", "");
            paths.put("/api/v1/" + resource, new JsonObject().put("get", operation(noun + "List", true,
                    new JsonObject().put("$ref", "#/components/schemas/" + service + "-item"))));
        }
        if (service.equals("governance") || service.equals("workgroup")) {
            String resource = TABLE.get(service).get(0);
            paths.put("/api/v1/" + resource + "/{id}/history", new JsonObject().put("get",
                    operation("historyGet", true, new JsonObject().put("$ref", "#/components/schemas/HistoryEntry"))
                            .put("parameters", new JsonArray().add(new JsonObject().put("name", "id").put("in", "path")
                                    .put("required", true).put("schema", new JsonObject().put("type", "string"))))));
        }
        // Every service serves provinces (platform); the merge must keep a single copy.
        paths.put("/api/v1/provinces", new JsonObject().put("get", operation("provinceList", false,
                new JsonObject().put("type", "array").put("items", new JsonObject().put("$ref", "#/components/schemas/Province")))));
        JsonObject schemas = new JsonObject()
                .put("Problem", new JsonObject().put("type", "object").put("properties", new JsonObject()
                        .put("status", new JsonObject().put("type", "integer"))
                        .put("violations", new JsonObject().put("type", "array")
                                .put("items", new JsonObject().put("$ref", "#/components/schemas/Violation")))))
                .put("Violation", new JsonObject().put("type", "object"))
                .put("Province", new JsonObject().put("type", "object"))
                .put(service + "-item", new JsonObject().put("type", "object"));
        if (service.equals("governance") || service.equals("workgroup")) {
            schemas.put("HistoryEntry", new JsonObject().put("type", "object").put("properties", new JsonObject()
                    .put(service.equals("governance") ? "decree" : "minutes", new JsonObject().put("type", "string"))));
        }
        JsonObject problem = new JsonObject().put("content", new JsonObject().put("application/problem+json",
                new JsonObject().put("schema", new JsonObject().put("$ref", "#/components/schemas/Problem"))));
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", service).put("version", "1"))
                .put("paths", paths)
                .put("tags", new JsonArray().add(new JsonObject().put("name", service)))
                .put("components", new JsonObject()
                        .put("schemas", schemas)
                        .put("responses", new JsonObject()
                                .put("Unauthorized", problem.copy().put("description", "No valid bearer token"))
                                .put("ServerError", problem.copy().put("description", "A bug")))
                        .put("securitySchemes", new JsonObject().put("bearer", new JsonObject()
                                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT"))));
    }

    private static JsonObject operation(String operationId, boolean secured, JsonObject schema) {
        JsonObject responses = new JsonObject()
                .put("200", new JsonObject().put("description", "OK").put("content",
                        new JsonObject().put("application/json", new JsonObject().put("schema", schema))))
                .put("500", new JsonObject().put("$ref", "#/components/responses/ServerError"));
        JsonObject operation = new JsonObject().put("operationId", operationId);
        if (secured) {
            responses.put("401", new JsonObject().put("$ref", "#/components/responses/Unauthorized"));
            operation.put("security", new JsonArray().add(new JsonObject().put("bearer", new JsonArray().add("secretariat"))));
        }
        return operation.put("responses", responses);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}

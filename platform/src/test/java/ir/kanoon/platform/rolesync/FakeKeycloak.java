package ir.kanoon.platform.rolesync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A small in-test stand-in for Keycloak's token endpoint and the parts of the admin REST API the role sync
 * uses; it can answer 503 or hang (longer than the client's read timeout) to play an outage.
 */
final class FakeKeycloak implements AutoCloseable {

    enum Mode { UP, UNAVAILABLE, HANGING }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REALM_ROLES = List.of("member", "trustee");

    final Map<String, ObjectNode> users = new ConcurrentHashMap<>();
    final Map<String, Set<String>> roles = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile Mode mode = Mode.UP;
    volatile long hangMillis = 3000;
    /** Runs while the sync waits on Keycloak (reading the user, or any call while hanging): to observe the database meanwhile. */
    volatile Runnable duringUserRead = () -> { };

    private final HttpServer server;

    FakeKeycloak() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void addUser(String id, Map<String, List<String>> attributes) {
        ObjectNode rep = JSON.createObjectNode().put("id", id).put("username", id);
        ObjectNode attrs = rep.putObject("attributes");
        attributes.forEach((k, v) -> v.forEach(attrs.withArray(k)::add));
        users.put(id, rep);
        roles.put(id, ConcurrentHashMap.newKeySet());
    }

    String attribute(String user, String name) {
        JsonNode v = users.get(user).path("attributes").path(name);
        return v.isArray() && v.size() > 0 ? v.get(0).asText() : null;
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        calls.add(method + " " + path);
        try {
            if (mode == Mode.UNAVAILABLE) {
                reply(ex, 503, "{\"error\":\"unavailable\"}");
                return;
            }
            if (mode == Mode.HANGING) {
                duringUserRead.run();
                Thread.sleep(hangMillis);
                reply(ex, 503, "{}");
                return;
            }
            if (path.endsWith("/protocol/openid-connect/token") && method.equals("POST")) {
                reply(ex, 200, "{\"access_token\":\"fake-token\",\"expires_in\":300}");
                return;
            }
            if (!"Bearer fake-token".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                reply(ex, 401, "{}");
                return;
            }
            String[] parts = path.split("/"); // "", admin, realms, kanoon, users, {id}, ...
            String id = parts.length > 5 ? parts[5] : "";
            ObjectNode user = users.get(id);
            if (user == null) {
                reply(ex, 404, "{\"error\":\"User not found\"}");
                return;
            }
            String rest = String.join("/", java.util.Arrays.copyOfRange(parts, 6, parts.length));
            switch (method + " " + rest) {
                case "GET " -> {
                    duringUserRead.run();
                    reply(ex, 200, user.toString());
                }
                case "PUT " -> {
                    users.put(id, (ObjectNode) JSON.readTree(ex.getRequestBody()));
                    reply(ex, 204, null);
                }
                case "GET role-mappings/realm/available" -> reply(ex, 200, roleArray(REALM_ROLES.stream()
                        .filter(r -> !roles.get(id).contains(r)).toList()));
                case "GET role-mappings/realm" -> reply(ex, 200, roleArray(List.copyOf(roles.get(id))));
                case "POST role-mappings/realm" -> {
                    JSON.readTree(ex.getRequestBody()).forEach(r -> roles.get(id).add(r.path("name").asText()));
                    reply(ex, 204, null);
                }
                case "DELETE role-mappings/realm" -> {
                    JSON.readTree(ex.getRequestBody()).forEach(r -> roles.get(id).remove(r.path("name").asText()));
                    reply(ex, 204, null);
                }
                default -> reply(ex, 404, "{}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            reply(ex, 500, "{}");
        }
    }

    private static String roleArray(List<String> names) {
        ArrayNode a = JSON.createArrayNode();
        names.forEach(n -> a.addObject().put("id", "role-" + n).put("name", n));
        return a.toString();
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        try {
            if (body == null) {
                ex.sendResponseHeaders(status, -1);
            } else {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // the client gave up (read timeout): nothing to answer to
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

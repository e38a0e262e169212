package ir.kanoon.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The public API as a client sees it: the gateway's {@code /api/v1} with bearer tokens that Keycloak issues to the
 * demo users (password grant through the public {@code web-app} client, as the README shows), and Keycloak's admin
 * API only to create the extra people the realm does not have.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** One answer: status, body (null when empty or not JSON) and the ETag, if any. */
    record Res(int status, JsonNode body, String etag, String raw) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String text(String field) {
            return body == null || body.path(field).isMissingNode() || body.path(field).isNull() ? null : body.path(field).asText();
        }
    }

    /** An answer the loader did not expect: the message names the call so a failing run says where. */
    static final class Failure extends RuntimeException {
        final int status;

        Failure(String call, Res r) {
            super(call + " -> " + r.status() + " " + (r.raw() == null ? "" : r.raw().substring(0, Math.min(600, r.raw().length()))));
            this.status = r.status();
        }
    }

    final String gateway;
    final String keycloak;
    private final String password;
    private final String adminUser;
    private final String adminPassword;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String[]> tokens = new ConcurrentHashMap<>(); // username -> {token, expiresAtMillis}
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();

    Api(String gateway, String keycloak, String password, String adminUser, String adminPassword) {
        this.gateway = strip(gateway);
        this.keycloak = strip(keycloak);
        this.password = password;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    // ------------------------------------------------------------------------------------------- tokens

    /** A demo user's access token (cached until a minute before it expires; tokens last 15 minutes). */
    String token(String username) {
        String[] cached = tokens.get(username);
        if (cached != null && Long.parseLong(cached[1]) > System.currentTimeMillis()) {
            return cached[0];
        }
        return freshToken(username);
    }

    /**
     * A new token: after a role sync the old one still carries the old roles. With a refresh token this is the
     * refresh grant, which rebuilds the roles without Keycloak hashing the password again (that hash is what makes
     * a password grant expensive).
     */
    String freshToken(String username) {
        String refresh = refreshTokens.get(username);
        Res r = null;
        if (refresh != null) {
            r = form(keycloak + "/realms/kanoon/protocol/openid-connect/token", Map.of("grant_type", "refresh_token",
                    "client_id", "web-app", "refresh_token", refresh));
        }
        if (r == null || r.status() != 200) {
            r = form(keycloak + "/realms/kanoon/protocol/openid-connect/token", Map.of("grant_type", "password",
                    "client_id", "web-app", "username", username, "password", password));
        }
        if (r.status() != 200) {
            throw new Failure("token for " + username, r);
        }
        String token = r.text("access_token");
        if (r.text("refresh_token") != null) {
            refreshTokens.put(username, r.text("refresh_token"));
        }
        long expires = System.currentTimeMillis() + (r.body().path("expires_in").asLong(300) - 60) * 1000;
        tokens.put(username, new String[]{token, Long.toString(expires)});
        return token;
    }

    /** The claims Keycloak put in a token (not verified: the services verify; the loader only reads). */
    static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    static boolean hasRole(String jwt, String role) {
        for (JsonNode r : claims(jwt).path("realm_access").path("roles")) {
            if (r.asText().equals(role)) {
                return true;
            }
        }
        return false;
    }

    String adminToken() {
        String[] cached = tokens.get("\0admin");
        if (cached != null && Long.parseLong(cached[1]) > System.currentTimeMillis()) {
            return cached[0];
        }
        Res r = form(keycloak + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", adminUser, "password", adminPassword));
        if (r.status() != 200) {
            throw new Failure("Keycloak admin token (KANOON_KEYCLOAK_ADMIN / KANOON_KEYCLOAK_ADMIN_PASSWORD)", r);
        }
        tokens.put("\0admin", new String[]{r.text("access_token"), Long.toString(System.currentTimeMillis() + 30_000)});
        return r.text("access_token");
    }

    /**
     * The Keycloak user {@code username} (created with password, Persian names and the verified national ID when
     * missing); returns its id, the {@code sub} of its tokens.
     */
    String ensureUser(String username, String firstName, String lastName, String nationalId) {
        String id = userId(username);
        if (id != null) {
            return id;
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("email", username + "@demo.kanoon.example");
        user.put("emailVerified", true);
        user.put("firstName", firstName);
        user.put("lastName", lastName);
        user.put("enabled", true);
        user.put("attributes", Map.of("national_id", List.of(nationalId)));
        user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        Res r = send("POST", keycloak + "/admin/realms/kanoon/users", adminToken(), user, Map.of());
        if (r.status() != 201 && r.status() != 409) {
            throw new Failure("create Keycloak user " + username, r);
        }
        id = userId(username);
        if (id == null) {
            throw new IllegalStateException("Keycloak user " + username + " not found after creating it");
        }
        return id;
    }

    String userId(String username) {
        Res r = send("GET", keycloak + "/admin/realms/kanoon/users?exact=true&username=" + enc(username), adminToken(), null, Map.of());
        if (r.status() != 200) {
            throw new Failure("find Keycloak user " + username, r);
        }
        return r.body().isArray() && r.body().size() > 0 ? r.body().get(0).path("id").asText() : null;
    }

    // --------------------------------------------------------------------------------------------- REST

    Res get(String user, String path) {
        return send("GET", gateway + "/api/v1" + path, token(user), null, Map.of());
    }

    /** GET that must succeed. */
    JsonNode read(String user, String path) {
        return expect("GET " + path + " as " + user, get(user, path), 200).body();
    }

    /** Every item of a keyset-paged list (follows {@code nextCursor}). */
    List<JsonNode> all(String user, String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        String sep = path.contains("?") ? "&" : "?";
        do {
            JsonNode page = read(user, path + sep + "limit=100" + (cursor == null ? "" : "&cursor=" + enc(cursor)));
            JsonNode list = page.isArray() ? page : page.path("items");
            list.forEach(items::add);
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return items;
    }

    Res post(String user, String path, Object body, String idempotencyKey) {
        return send("POST", gateway + "/api/v1" + path, token(user), body,
                idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
    }

    /** A state change: reads the resource's current ETag first, as a client must (If-Match). */
    Res act(String user, String resourcePath, String actionPath, Object body) {
        Res current = get(user, resourcePath);
        expect("GET " + resourcePath + " as " + user, current, 200);
        return actWith(user, actionPath, current.etag(), body);
    }

    /**
     * A state change from a known state: {@code current} is the resource as last read (its ETag is the If-Match);
     * returns the resource after the change — the action's answer when it carries the resource and its ETag, else
     * a fresh read — so a chain of steps costs one call each.
     */
    Res step(String user, String resourcePath, Res current, String actionPath, Object body, String what) {
        Res r = expect(what, actWith(user, actionPath, current.etag(), body), 200, 201);
        if (r.etag() != null && r.body() != null && r.body().has("status") && r.body().has("id")) {
            return r;
        }
        return expect("GET " + resourcePath, get(user, resourcePath), 200);
    }

    Res actWith(String user, String actionPath, String etag, Object body) {
        return send("POST", gateway + "/api/v1" + actionPath, token(user), body == null ? Map.of() : body,
                etag == null ? Map.of() : Map.of("If-Match", etag));
    }

    Res put(String user, String path, String etag, Object body) {
        return send("PUT", gateway + "/api/v1" + path, token(user), body, etag == null ? Map.of() : Map.of("If-Match", etag));
    }

    static Res expect(String call, Res r, int... ok) {
        if (Arrays.stream(ok).noneMatch(s -> s == r.status())) {
            throw new Failure(call, r);
        }
        return r;
    }

    /**
     * Retries {@code call} while the answer is not accepted, for up to {@code timeout}: used where another service
     * must first read an event (a new member reaches workgroup's and networking's projections through Kafka).
     */
    static Res until(Duration timeout, Predicate<Res> accepted, java.util.function.Supplier<Res> call) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Res r = call.get();
        long pause = 100;
        while (!accepted.test(r) && System.nanoTime() < deadline) {
            sleep(pause);
            pause = Math.min(1000, pause * 2);
            r = call.get();
        }
        return r;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }

    // ------------------------------------------------------------------------------------------ transport

    private Res form(String url, Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(b.toString())).build();
        return exchange(req);
    }

    Res send(String method, String url, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Accept-Language", "en");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return exchange(b.build());
    }

    private Res exchange(HttpRequest req) {
        calls.incrementAndGet();
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                String raw = resp.body();
                JsonNode json = null;
                if (raw != null && !raw.isBlank() && resp.headers().firstValue("Content-Type").orElse("").contains("json")) {
                    json = JSON.readTree(raw);
                }
                return new Res(resp.statusCode(), json, resp.headers().firstValue("ETag").orElse(null), raw);
            } catch (IOException e) {
                last = e; // connection reset by a busy service: a GET/POST with the same key is safe to repeat
                sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException(req.method() + " " + req.uri() + " failed: " + last, last);
    }
}

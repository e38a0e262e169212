package ir.kanoon.platform.rolesync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Keycloak's admin REST API over the JDK HTTP client, with a connect timeout on the client and a read
 * timeout on every request: a Keycloak that hangs costs one attempt of {@code read-timeout}, never a stuck
 * job. Authenticates with the service account's client credentials (token cached until shortly before it
 * expires).
 *
 * <p>The service account holds no admin role, only fine-grained admin permissions (read and update users, map
 * the one role it syncs: deploy/keycloak/apply-role-sync-permissions), so it cannot read
 * {@code /roles/{name}}; the role's representation comes from the user's available (to grant) or assigned
 * (to revoke) realm role mappings.
 *
 * <p>Writes the role and the scope attribute ({@code member_province} by default). Revoking removes the
 * role and leaves the attribute: without the role it grants nothing, and another role of the same person
 * (a trustee is also a member) may still rest on it.
 */
public class KeycloakRoleDirectory implements RoleDirectory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String serverUrl;
    private final String realm;
    private final String clientId;
    private final String clientSecret;
    private final Duration readTimeout;
    private final HttpClient http;

    private String token;
    private Instant tokenExpires = Instant.MIN;

    public KeycloakRoleDirectory(String serverUrl, String realm, String clientId, String clientSecret,
                                 Duration connectTimeout, Duration readTimeout) {
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
        this.realm = realm;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.readTimeout = readTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static KeycloakRoleDirectory of(RoleSyncConfig config) {
        return new KeycloakRoleDirectory(config.serverUrl(), config.realm(), config.clientId(),
                config.clientSecret().orElseThrow(() -> new IllegalStateException("set kanoon.role-sync.client-secret")),
                config.connectTimeout(), config.readTimeout());
    }

    @Override
    public boolean apply(DesiredRole desired) {
        RoleSync.requireNotStaffScope(desired.scopeAttribute());
        String user = "/admin/realms/" + enc(realm) + "/users/" + enc(desired.userId());
        HttpResponse<String> found = send("GET", user, null);
        if (found.statusCode() == 404) {
            return false;
        }
        JsonNode rep = body(found, "read user");
        if (desired.granted()) {
            setScope(user, (ObjectNode) rep, desired);
            HttpResponse<String> available = send("GET", user + "/role-mappings/realm/available", null);
            JsonNode role = find(body(available, "read available roles"), desired.role());
            if (role != null) {
                expect(send("POST", user + "/role-mappings/realm", JSON.createArrayNode().add(role)), "grant role");
            } else if (find(body(send("GET", user + "/role-mappings/realm", null), "read roles"), desired.role()) == null) {
                throw new RoleSyncException("realm role " + desired.role() + " is neither assignable nor assigned");
            }
        } else {
            JsonNode role = find(body(send("GET", user + "/role-mappings/realm", null), "read roles"), desired.role());
            if (role != null) {
                expect(send("DELETE", user + "/role-mappings/realm", JSON.createArrayNode().add(role)), "revoke role");
            }
        }
        return true;
    }

    private void setScope(String user, ObjectNode rep, DesiredRole desired) {
        if (desired.scopeProvince() == null) {
            return;
        }
        JsonNode current = rep.path("attributes").path(desired.scopeAttribute());
        if (current.isArray() && current.size() == 1 && desired.scopeProvince().equals(current.get(0).asText())) {
            return;
        }
        ObjectNode attributes = rep.has("attributes") && rep.get("attributes").isObject()
                ? (ObjectNode) rep.get("attributes") : rep.putObject("attributes");
        attributes.putArray(desired.scopeAttribute()).add(desired.scopeProvince());
        expect(send("PUT", user, rep), "write " + desired.scopeAttribute());
    }

    private static JsonNode find(JsonNode roles, String name) {
        if (roles != null && roles.isArray()) {
            for (JsonNode r : roles) {
                if (name.equals(r.path("name").asText())) {
                    return r;
                }
            }
        }
        return null;
    }

    private HttpResponse<String> send(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serverUrl + path)).timeout(readTimeout)
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = exchange(request.build(), method + " " + path);
        if (response.statusCode() == 401) {
            token = null; // expired or revoked: fetch a new one on the next attempt
        }
        return response;
    }

    private synchronized String token() {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(clientSecret);
        HttpRequest request = HttpRequest.newBuilder(URI.create(serverUrl + "/realms/" + enc(realm)
                        + "/protocol/openid-connect/token")).timeout(readTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        JsonNode answer = body(exchange(request, "token"), "get a service-account token");
        token = answer.path("access_token").asText(null);
        if (token == null) {
            throw new RoleSyncException("Keycloak returned no access token");
        }
        long lifetime = Math.max(answer.path("expires_in").asLong(60) - 10, 5);
        tokenExpires = Instant.now().plusSeconds(lifetime);
        return token;
    }

    private HttpResponse<String> exchange(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // HttpTimeoutException and HttpConnectTimeoutException are IOExceptions: a retry, not a crash.
            throw new RoleSyncException(what + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RoleSyncException(what + ": interrupted", e);
        }
    }

    private static JsonNode body(HttpResponse<String> response, String what) {
        expect(response, what);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new RoleSyncException(what + ": unreadable answer", e);
        }
    }

    private static void expect(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new RoleSyncException(what + ": HTTP " + response.statusCode());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The directory failed or did not answer in time; the job retries later. */
    public static class RoleSyncException extends RuntimeException {
        public RoleSyncException(String message) {
            super(message);
        }

        public RoleSyncException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

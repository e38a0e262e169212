package ir.kanoon.gateway.cors;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.gateway.support.StubUpstreams;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.kanoon.gateway.config.GatewayConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Allowed origins in tests: https://app.kanoon.example (configured) and the default local dev origins
 * (localhost / 127.0.0.1 × 3000, 4200, 5173, 8080, 8100), which the realm's web-app client accepts too.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class CorsTest {

    private static final String ALLOWED = "https://app.kanoon.example";

    @Inject
    GatewayConfig config;

    @Inject
    CorsFilter cors;

    /** Issue 12: a front-end developer's dev server (Vite, Angular, Ionic, React, either loopback name) may call the API. */
    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:5173", "http://127.0.0.1:5173", "http://localhost:4200",
            "http://127.0.0.1:4200", "http://localhost:8100", "http://127.0.0.1:8100", "http://localhost:3000",
            "http://127.0.0.1:3000", "http://localhost:8080", "http://127.0.0.1:8080"})
    void preflightFromEachLocalDevOriginPasses(String origin) {
        given().header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key, if-match")
                .options("/api/v1/applications")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", origin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:5174", "http://evil.localhost:5173", "https://localhost:5173", "http://192.168.1.5:5173"})
    void preflightFromAnUnlistedLocalOriginIsRefused(String origin) {
        given().header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/applications")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue());
    }

    /**
     * The gateway's dev origins and the origins the realm lets web-app sign in from (webOrigins and
     * redirectUris) are one set, so a dev server that can log in can also call the API (and vice versa).
     */
    @Test
    void devOriginsAreExactlyTheRealmWebAppOrigins() throws Exception {
        JsonNode realm = new ObjectMapper().readTree(Files.readString(Path.of("../deploy/keycloak/kanoon-realm.json")));
        JsonNode webApp = null;
        for (JsonNode client : realm.get("clients")) {
            if (client.path("clientId").asText().equals("web-app")) {
                webApp = client;
            }
        }
        Set<String> webOrigins = new TreeSet<>();
        webApp.get("webOrigins").forEach(o -> {
            if (!o.asText().equals("+")) {
                webOrigins.add(o.asText());
            }
        });
        Set<String> redirectOrigins = new TreeSet<>();
        webApp.get("redirectUris").forEach(u -> redirectOrigins.add(u.asText().replaceFirst("/\\*$", "")));
        Set<String> gateway = new TreeSet<>(CorsFilter.devOrigins(config.cors().devHosts(), config.cors().devPorts().orElseThrow()));
        assertEquals(gateway, webOrigins, "realm web-app webOrigins vs gateway dev origins");
        assertEquals(gateway, redirectOrigins, "realm web-app redirectUris vs gateway dev origins");
        assertTrue(cors.allowedOrigins().containsAll(gateway));
        assertTrue(cors.allowedOrigins().contains(ALLOWED), "configured origins are kept beside the dev ones");
    }

    @Test
    void devHostsFollowTheConfiguredHostWithoutDuplicates() {
        assertEquals(java.util.List.of("http://localhost:5173", "http://127.0.0.1:5173", "http://10.0.2.2:5173"),
                java.util.List.copyOf(CorsFilter.devOrigins(java.util.List.of("localhost", "127.0.0.1", "localhost", "10.0.2.2"),
                        java.util.List.of(5173))));
    }

    @Test
    void preflightFromAllowedOrigin() {
        given().header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key")
                .options("/api/v1/applications")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"));
    }

    @Test
    void preflightFromOtherOriginIsRefused() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Accept-Language", "en")
                .options("/api/v1/applications")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue())
                .body("type", equalTo("/problems/cors-rejected"));
    }

    @Test
    void preflightAskingForAnUnlistedHeaderIsRefused() {
        given().header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "x-secret-admin")
                .options("/api/v1/applications")
                .then().statusCode(403);
    }

    @Test
    void actualRequestsGetCorsHeadersOnlyForAllowedOrigins() {
        String token = TestTokens.user("cors-user").sign();
        given().auth().oauth2(token).header("Origin", ALLOWED).get("/api/v1/members")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
        given().auth().oauth2(token).header("Origin", "https://evil.example").get("/api/v1/members")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}

package ir.kanoon.gateway.swaggerui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ir.kanoon.gateway.config.GatewayConfig;
import ir.kanoon.gateway.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Swagger UI at {@code /q/swagger-ui/} over the merged document ({@code /q/openapi}), its "Authorize" wired
 * to the realm (authorization code + PKCE via the public client {@code web-app}; the merged document's
 * {@code keycloak} scheme, see {@code openapi.KeycloakScheme}). The Swagger UI assets come from
 * {@code io.smallrye:smallrye-open-api-ui} (version from the Quarkus BOM) on the class path — no CDN, so it
 * works offline and on a closed network. They are read once at start and served from memory.
 *
 * <p>The gateway's default Content-Security-Policy ({@code default-src 'none'}) would block the page, so
 * these responses carry their own: scripts and styles from the gateway only (the page's start-up code is a
 * file, not inline; the OAuth2 redirect page's one inline script is allowed by its hash), and the token
 * request may go to Keycloak's origin.
 */
@ApplicationScoped
public class SwaggerUiRoute {

    public static final String BASE = "/q/swagger-ui";
    static final String ASSETS = "META-INF/resources/openapi-ui/";
    static final String INIT = "kanoon-swagger-ui.js";
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

    private record Asset(Buffer body, String type, String csp) {
    }

    private final boolean enabled;
    private final Map<String, Asset> assets = new LinkedHashMap<>();

    public SwaggerUiRoute(GatewayConfig config, ObjectMapper json,
                          @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServer,
                          @ConfigProperty(name = "quarkus.oidc.token.issuer") Optional<String> tokenIssuer) {
        this.enabled = config.swaggerUi().enabled();
        if (!enabled) {
            return;
        }
        String issuer = authServer.filter(url -> !url.isBlank()).or(() -> tokenIssuer).orElse("");
        String csp = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                + " connect-src 'self'" + origin(issuer) + "; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        asset("swagger-ui.css", "text/css; charset=utf-8", csp);
        asset("swagger-ui-bundle.js", "text/javascript; charset=utf-8", csp);
        asset("swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8", csp);
        asset("favicon.ico", "image/x-icon", csp);
        Buffer redirect = read("oauth2-redirect.html");
        assets.put("oauth2-redirect.html", new Asset(redirect, "text/html; charset=utf-8",
                "default-src 'none'; script-src " + scriptHashes(redirect.toString(StandardCharsets.UTF_8))
                        + "; frame-ancestors 'none'; base-uri 'none'"));
        assets.put(INIT, new Asset(Buffer.buffer(init(json, config.swaggerUi().clientId())),
                "text/javascript; charset=utf-8", csp));
        assets.put("", new Asset(Buffer.buffer(INDEX), "text/html; charset=utf-8", csp));
    }

    void install(@Observes Router router) {
        if (!enabled) {
            return;
        }
        // relative asset URLs need the trailing slash
        // (a Vert.x route path also matches with a trailing slash: only the bare path is redirected)
        router.route(HttpMethod.GET, BASE).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(ctx -> {
            if (ctx.request().path().equals(BASE)) {
                ctx.response().setStatusCode(302).putHeader("Location", BASE + "/").end();
            } else {
                ctx.next();
            }
        });
        router.route(HttpMethod.GET, BASE + "/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        String name = ctx.normalizedPath().substring(BASE.length() + 1);
        if (name.equals("index.html")) {
            name = "";
        }
        Asset asset = assets.get(name);
        if (asset == null) {
            Problems.send(ctx.request(), 404, "not-found", null, ctx.normalizedPath());
            return;
        }
        ctx.response()
                .putHeader("Content-Type", asset.type())
                .putHeader("Content-Security-Policy", asset.csp())
                .putHeader("Cache-Control", "no-cache")
                .end(asset.body());
    }

    /**
     * The start-up script: one JSON object of settings (written with Jackson, so a client id cannot break
     * out of it) handed to Swagger UI and to its OAuth2 set-up.
     */
    static String init(ObjectMapper json, String clientId) {
        ObjectNode ui = json.createObjectNode();
        ui.put("url", "/q/openapi");
        ui.put("dom_id", "#swagger-ui");
        ui.put("deepLinking", true);
        ui.put("persistAuthorization", true);
        ui.put("displayRequestDuration", true);
        ObjectNode oauth = json.createObjectNode();
        oauth.put("clientId", clientId);
        oauth.put("usePkceWithAuthorizationCodeGrant", true);
        oauth.put("scopes", "openid");
        try {
            return "'use strict';\n"
                    + "// Generated by the gateway (swaggerui.SwaggerUiRoute).\n"
                    + "const kanoonUi = " + json.writeValueAsString(ui) + ";\n"
                    + "const kanoonOAuth = " + json.writeValueAsString(oauth) + ";\n"
                    + "window.onload = function () {\n"
                    + "  kanoonUi.oauth2RedirectUrl = window.location.origin + '" + BASE + "/oauth2-redirect.html';\n"
                    + "  kanoonUi.presets = [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset];\n"
                    + "  kanoonUi.plugins = [SwaggerUIBundle.plugins.DownloadUrl];\n"
                    + "  kanoonUi.layout = 'StandaloneLayout';\n"
                    + "  window.ui = SwaggerUIBundle(kanoonUi);\n"
                    + "  window.ui.initOAuth(kanoonOAuth);\n"
                    + "};\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String INDEX = """
            <!DOCTYPE html>
            <html lang="en">
              <head>
                <meta charset="UTF-8">
                <title>Kanoon API</title>
                <link rel="stylesheet" type="text/css" href="swagger-ui.css">
                <link rel="icon" href="favicon.ico" type="image/x-icon">
              </head>
              <body>
                <div id="swagger-ui"></div>
                <script src="swagger-ui-bundle.js" charset="UTF-8"></script>
                <script src="swagger-ui-standalone-preset.js" charset="UTF-8"></script>
                <script src="%s" charset="UTF-8"></script>
              </body>
            </html>
            """.formatted(INIT);

    private void asset(String name, String type, String csp) {
        assets.put(name, new Asset(read(name), type, csp));
    }

    private static Buffer read(String name) {
        try (InputStream in = SwaggerUiRoute.class.getClassLoader().getResourceAsStream(ASSETS + name)) {
            if (in == null) {
                throw new IllegalStateException("Swagger UI asset missing from the class path: " + ASSETS + name);
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 'sha256-...'} of each inline script, so the page runs without allowing inline scripts in general. */
    static String scriptHashes(String html) {
        StringBuilder out = new StringBuilder();
        Matcher matcher = INLINE_SCRIPT.matcher(html);
        while (matcher.find()) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(matcher.group(1).getBytes(StandardCharsets.UTF_8));
                out.append(out.isEmpty() ? "" : " ").append("'sha256-").append(Base64.getEncoder().encodeToString(digest)).append("'");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.isEmpty() ? "'none'" : out.toString();
    }

    /** {@code " http://localhost:8180"} for the realm URL, empty when there is none. */
    static String origin(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            return "";
        }
        URI uri = URI.create(issuer);
        return " " + uri.getScheme() + "://" + uri.getAuthority();
    }
}

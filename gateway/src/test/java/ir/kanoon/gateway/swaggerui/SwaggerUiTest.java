package ir.kanoon.gateway.swaggerui;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.kanoon.gateway.support.StubUpstreams;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12: Swagger UI at the gateway over the merged document, "Authorize" through Keycloak with PKCE. */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class SwaggerUiTest {

    @Test
    void pageAndEveryAssetItLoadsAnswer200_fromTheGatewayItself_noCdn() {
        given().redirects().follow(false).get("/q/swagger-ui").then().statusCode(302)
                .header("Location", endsWith("/q/swagger-ui/"));
        String page = given().get("/q/swagger-ui/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .extract().asString();
        assertTrue(!page.contains("//cdn") && !page.contains("https://"), "no asset from elsewhere: " + page);
        for (String asset : List.of("swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js",
                "kanoon-swagger-ui.js", "favicon.ico")) {
            assertTrue(page.contains("\"" + asset + "\""), asset + " not referenced by the page");
            given().get("/q/swagger-ui/" + asset).then().statusCode(200)
                    .header("Content-Length", Integer::parseInt, greaterThan(0));
        }
        given().get("/q/swagger-ui/oauth2-redirect.html").then().statusCode(200)
                .contentType(containsString("text/html"))
                // its inline script runs by hash, not by allowing every inline script
                .header("Content-Security-Policy", containsString("'sha256-"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")));
        given().header("Accept-Language", "en").get("/q/swagger-ui/../../etc/passwd").then().statusCode(404);
        given().get("/q/swagger-ui/nothing.js").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void configPointsAtTheMergedDocumentAndSignsInWithPkceViaWebApp() {
        String init = given().get("/q/swagger-ui/kanoon-swagger-ui.js").then().statusCode(200)
                .contentType(containsString("javascript")).extract().asString();
        JsonPath ui = JsonPath.from(between(init, "const kanoonUi = ", ";\n"));
        JsonPath oauth = JsonPath.from(between(init, "const kanoonOAuth = ", ";\n"));
        assertEquals("/q/openapi", ui.getString("url"));
        assertEquals("web-app", oauth.getString("clientId"));
        assertEquals(true, oauth.getBoolean("usePkceWithAuthorizationCodeGrant"));
        assertTrue(init.contains("'/q/swagger-ui/oauth2-redirect.html'"), init);
        assertTrue(init.contains("initOAuth(kanoonOAuth)"), init);
        // the token request goes from the page to Keycloak: its CSP must let it
        given().get("/q/swagger-ui/").then()
                .header("Content-Security-Policy", containsString("connect-src 'self' https://keycloak.test"));
    }

    /** The merged document has the oauth2 scheme whose URLs are the configured issuer's endpoints. */
    @Test
    void mergedDocumentHasTheKeycloakOauth2SchemeOfTheConfiguredIssuer() {
        JsonPath doc = given().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String realm = TestTokens.ISSUER + "/protocol/openid-connect";
        assertEquals("oauth2", doc.getString("components.securitySchemes.keycloak.type"));
        assertEquals(realm + "/auth", doc.getString("components.securitySchemes.keycloak.flows.authorizationCode.authorizationUrl"));
        assertEquals(realm + "/token", doc.getString("components.securitySchemes.keycloak.flows.authorizationCode.tokenUrl"));
        assertEquals(realm + "/token", doc.getString("components.securitySchemes.keycloak.flows.clientCredentials.tokenUrl"));
        // a secured operation accepts the Keycloak token as an alternative to a pasted bearer token
        List<java.util.Map<String, List<String>>> security = doc.getList("paths.'/api/v1/members'.get.security");
        assertTrue(security.stream().anyMatch(r -> r.containsKey("bearer")), security::toString);
        assertTrue(security.stream().anyMatch(r -> r.containsKey("keycloak")), security::toString);
        // public reference data stays public
        assertNull((Object) doc.get("paths.'/api/v1/provinces'.get.security"));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertTrue(from >= 0, start + " missing in " + text);
        from += start.length();
        return text.substring(from, text.indexOf(end, from));
    }
}

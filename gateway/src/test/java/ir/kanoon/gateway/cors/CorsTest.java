package ir.kanoon.gateway.cors;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.gateway.support.StubUpstreams;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Allowed origin in tests: https://app.kanoon.example. */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class CorsTest {

    private static final String ALLOWED = "https://app.kanoon.example";

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

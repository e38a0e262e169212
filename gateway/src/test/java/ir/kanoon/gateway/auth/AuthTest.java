package ir.kanoon.gateway.auth;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.gateway.support.StubUpstreams;
import ir.kanoon.gateway.support.Stubs;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The gateway refuses bad tokens itself, before any service is touched. */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class AuthTest {

    @Test
    void noToken() {
        int before = Stubs.hits("membership");
        given().get("/api/v1/members")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("/problems/unauthorized"))
                .body("status", equalTo(401))
                .body("title", equalTo("احراز هویت لازم است"))
                .body("instance", equalTo("/api/v1/members"))
                .body("detail", notNullValue());
        assertEquals(before, Stubs.hits("membership"));
    }

    @Test
    void expiredToken() {
        rejected(TestTokens.user("u-expired").expired().sign());
    }

    @Test
    void wrongAudience() {
        rejected(TestTokens.user("u-aud").audience("some-other-api").sign());
    }

    @Test
    void wrongIssuer() {
        rejected(TestTokens.user("u-iss").issuer("https://evil.example/realms/kanoon").sign());
    }

    @Test
    void untrustedSignature() {
        rejected(TestTokens.user("u-sig").badSignature().sign());
    }

    @Test
    void tamperedPayload() {
        String[] parts = TestTokens.user("u-tamper").roles("applicant").sign().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"applicant\"", "\"ministry-admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        rejected(forged);
    }

    @Test
    void garbageToken() {
        rejected("not-a-jwt");
    }

    @Test
    void aTokenOnceAcceptedIsRefusedAfterItsExpiry() throws InterruptedException {
        // Accepted tokens are remembered until exp (VerifiedTokens): expiry must still bite. 5 s of life, not 2: on
        // a loaded 2-core machine the two requests below took longer than 2 s and the token had expired before them.
        long exp = java.time.Instant.now().getEpochSecond() + 5;
        String token = TestTokens.user("u-short-lived").claim("exp", exp).sign();
        given().auth().oauth2(token).get("/api/v1/boards").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/boards").then().statusCode(200);
        while (java.time.Instant.now().getEpochSecond() <= exp) {
            Thread.sleep(200);
        }
        rejected(token);
    }

    @Test
    void serviceAccountTokenIsAccepted() {
        given().auth().oauth2(TestTokens.serviceAccount("gov-integration").sign())
                .get("/api/v1/directory")
                .then().statusCode(200).body("service", equalTo("networking"));
    }

    @Test
    void problemTextsFollowAcceptLanguage() {
        given().header("Accept-Language", "en-GB,en;q=0.9").get("/api/v1/boards")
                .then().statusCode(401)
                .header("Content-Language", "en")
                .body("title", equalTo("Authentication required"));
    }

    private static void rejected(String token) {
        int before = Stubs.hits("governance");
        given().auth().oauth2(token).header("Accept-Language", "en").get("/api/v1/boards")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("type", equalTo("/problems/invalid-token"))
                .body("title", equalTo("Invalid token"))
                .body("status", equalTo(401));
        assertEquals(before, Stubs.hits("governance"), "a rejected token must not reach the service");
    }
}

package ir.kanoon.gateway.ratelimit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import ir.kanoon.gateway.support.StubUpstreams;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test limits (StubUpstreams): reads 40/min, writes 10/min per client. */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class RateLimitTest {

    @Test
    void readsAreLimitedPerClientWithRetryAfter() {
        String token = TestTokens.user("rate-reader").sign();
        long start = System.nanoTime();
        int served = 0;
        Response limited = null;
        // the bucket of 40 refills at 40 per minute while this runs (seconds on a loaded machine)
        for (int i = 0; i < 60 && limited == null; i++) {
            Response response = given().auth().oauth2(token).header("Accept-Language", "en").get("/api/v1/members");
            if (response.statusCode() == 200) {
                served++;
            } else {
                limited = response;
            }
        }
        long refilled = (long) Math.floor((System.nanoTime() - start) / 1e9 * 40 / 60);
        assertTrue(served >= 40 && served <= 40 + refilled, served + " served, " + refilled + " refilled meanwhile");
        assertTrue(limited != null, "no 429 after " + served + " reads");
        limited.then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/rate-limited"))
                .body("status", equalTo(429));
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        // 40 per minute refill one token every 1.5 s
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);

        // another client is not affected
        given().auth().oauth2(TestTokens.user("rate-other").sign()).get("/api/v1/members").then().statusCode(200);
    }

    @Test
    void writesHaveTheirOwnLowerLimit() {
        String token = TestTokens.user("rate-writer").sign();
        long start = System.nanoTime();
        int served = 0;
        Response limited = null;
        for (int i = 0; i < 20 && limited == null; i++) {
            Response response = given().auth().oauth2(token).contentType("application/json").body("{}").post("/api/v1/ideas");
            if (response.statusCode() == 200) {
                served++;
            } else {
                limited = response;
            }
        }
        long refilled = (long) Math.floor((System.nanoTime() - start) / 1e9 * 10 / 60);
        assertTrue(served >= 10 && served <= 10 + refilled, served + " served, " + refilled + " refilled meanwhile");
        assertTrue(limited != null, "no 429 after " + served + " writes");
        limited.then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // reads of the same client are counted separately
        given().auth().oauth2(token).get("/api/v1/ideas").then().statusCode(200);
    }

    @Test
    void serviceAccountsAreLimitedByTheirSubject() {
        String token = TestTokens.serviceAccount("rate-system").sign();
        int ok = 0;
        long start = System.nanoTime();
        for (int i = 0; i < 45; i++) {
            if (given().auth().oauth2(token).get("/api/v1/partners").statusCode() == 200) {
                ok++;
            }
        }
        // the bucket of 40 refills at 40 per minute while the loop runs (seconds on a loaded machine)
        long refilled = (long) Math.floor((System.nanoTime() - start) / 1e9 * 40 / 60);
        assertTrue(ok >= 40 && ok <= 40 + refilled, ok + " served, " + refilled + " refilled meanwhile");
    }
}

package ir.kanoon.gateway.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.gateway.support.StubUpstreams;
import ir.kanoon.gateway.support.Stubs;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code dead}: nothing listens (connect refused). {@code slow}: accepts and never answers, timeout
 * 700 ms, breaker opens after 2 failures. Test-only services configured by StubUpstreams.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class UpstreamFailureTest {

    private static final String TOKEN = TestTokens.user("failure-user").sign();

    @Test
    void unreachableServiceIsA503NamingItThenTheBreakerOpens() {
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(TOKEN).header("Accept-Language", "en")
                    .get("/api/v1/dead-things")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/service-unavailable"))
                    .body("service", equalTo("dead"))
                    .body("detail", org.hamcrest.Matchers.containsString("dead"));
        }
        given().baseUri(Stubs.management()).get("/q/health/ready").then().body("checks.find { it.name == 'services' }.data.dead",
                org.hamcrest.Matchers.containsString("breaker OPEN"));
    }

    @Test
    void idempotentRequestIsRetriedWhenTheServiceDropsTheConnection() {
        int before = Stubs.hits("flaky");
        given().auth().oauth2(TOKEN).header("X-Request-Id", "retry-get-1")
                .get("/api/v1/flaky-things/1")
                .then().statusCode(200)
                .body("service", equalTo("flaky"));
        assertEquals(before + 2, Stubs.hits("flaky"), "dropped once, answered on the retry");
    }

    /** Issue 14: the service may have deleted before it dropped the connection; repeating could hit a re-created resource. */
    @Test
    void deleteIsNotRepeatedAfterTheServiceDroppedTheConnection() {
        int before = Stubs.hits("flaky");
        given().auth().oauth2(TOKEN).header("X-Request-Id", "retry-delete-1").header("Accept-Language", "en")
                .delete("/api/v1/flaky-things/7")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/bad-gateway"))
                .body("service", equalTo("flaky"));
        assertEquals(before + 1, Stubs.hits("flaky"), "the DELETE reached the service once and was not sent again");
    }

    @Test
    void headAndOptionsAreRetriedLikeGet() {
        int before = Stubs.hits("flaky");
        given().auth().oauth2(TOKEN).header("X-Request-Id", "retry-options-1")
                .options("/api/v1/flaky-things/1").then().statusCode(200);
        assertEquals(before + 2, Stubs.hits("flaky"));
    }

    @Test
    void postIsNeverRetried() {
        int before = Stubs.hits("flaky");
        given().auth().oauth2(TOKEN).header("X-Request-Id", "retry-post-1")
                .contentType("application/json").body("{}")
                .post("/api/v1/flaky-things")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/bad-gateway"))
                .body("service", equalTo("flaky"));
        assertEquals(before + 1, Stubs.hits("flaky"));
    }

    @Test
    void silentServiceTimesOutThenTheBreakerAnswersWithoutCallingIt() {
        given().auth().oauth2(TOKEN).get("/api/v1/slow-things")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/gateway-timeout"))
                .body("service", equalTo("slow"));
        given().auth().oauth2(TOKEN).get("/api/v1/slow-things").then().statusCode(504);
        int hits = Stubs.hits("slow");

        // two failures: the breaker is open, the service is no longer called
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(TOKEN).get("/api/v1/slow-things")
                    .then().statusCode(503)
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                    .body("type", equalTo("/problems/service-unavailable"))
                    .body("service", equalTo("slow"));
        }
        assertEquals(hits, Stubs.hits("slow"));

        // other services are unaffected
        given().auth().oauth2(TOKEN).get("/api/v1/members").then().statusCode(200);
    }
}

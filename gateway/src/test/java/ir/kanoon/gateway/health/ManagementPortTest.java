package ir.kanoon.gateway.health;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.gateway.support.StubUpstreams;
import ir.kanoon.gateway.support.Stubs;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Issue 14: operations endpoints are on the management port (quarkus.management.port, 9080 outside the
 * tests); the public port keeps only the plain status a load balancer needs.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class ManagementPortTest {

    @Test
    void metricsAreNotServedOnThePublicPort() {
        given().get("/q/metrics").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user("ops-user").sign()).get("/api/v1/tours").then().statusCode(200);
        given().baseUri(Stubs.management()).get("/q/metrics").then().statusCode(200)
                .body(containsString("kanoon_gateway_requests_seconds_count{method=\"GET\",route=\"tours\""))
                .body(containsString("kanoon_gateway_token_verifications_total"));
    }

    @Test
    void thePublicPortAnswersOnlyThePlainStatusTheManagementPortTheDetails() throws InterruptedException {
        awaitPublicReadiness(200); // another test may have left a DOWN answer in the one-second reuse
        given().get("/q/health/ready").then().statusCode(200)
                .contentType("application/json")
                .body(equalTo("{\"status\":\"UP\"}"));
        given().get("/q/health/live").then().statusCode(200).body(equalTo("{\"status\":\"UP\"}"));
        given().get("/q/health").then().statusCode(200).body(equalTo("{\"status\":\"UP\"}"));
        given().get("/q/health/started").then().statusCode(404);
        given().baseUri(Stubs.management()).get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'services' }.data.membership", startsWith("UP"));
    }

    @Test
    void thePublicStatusFollowsReadiness() throws InterruptedException {
        Stubs.ready("governance", false); // the one service the gateway's readiness depends on in the tests
        try {
            awaitPublicReadiness(503); // the public answer is reused for up to a second
            given().get("/q/health/ready").then().statusCode(503).body(equalTo("{\"status\":\"DOWN\"}"));
        } finally {
            Stubs.ready("governance", true);
        }
        awaitPublicReadiness(200);
    }

    private static void awaitPublicReadiness(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (given().get("/q/health/ready").statusCode() != expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}

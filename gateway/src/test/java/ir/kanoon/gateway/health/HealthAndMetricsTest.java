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

@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class HealthAndMetricsTest {

    @Test
    void readinessAggregatesTheServices() {
        given().baseUri(Stubs.management()).get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data.membership", startsWith("UP"))
                .body("checks.find { it.name == 'services' }.data.networking", startsWith("UP"));
        Stubs.ready("governance", false);
        try {
            given().baseUri(Stubs.management()).get("/q/health/ready").then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'services' }.data.governance", startsWith("DOWN"));
        } finally {
            Stubs.ready("governance", true);
        }
        // a service the readiness does not depend on is reported DOWN, the gateway stays UP
        Stubs.ready("membership", false);
        try {
            given().baseUri(Stubs.management()).get("/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'services' }.data.membership", startsWith("DOWN"));
        } finally {
            Stubs.ready("membership", true);
        }
        given().baseUri(Stubs.management()).get("/q/health").then().statusCode(200);
    }

    @Test
    void metricsPerRouteWithStatusClassAndHistogram() {
        given().auth().oauth2(TestTokens.user("metrics-user").sign()).get("/api/v1/clusters").then().statusCode(200);
        given().get("/api/v1/clusters").then().statusCode(401);
        String metrics = given().baseUri(Stubs.management()).get("/q/metrics").then().statusCode(200).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString(
                "kanoon_gateway_requests_seconds_count{method=\"GET\",route=\"clusters\",service=\"networking\",status=\"2xx\"}"));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString(
                "kanoon_gateway_requests_seconds_count{method=\"GET\",route=\"clusters\",service=\"networking\",status=\"4xx\"}"));
        org.hamcrest.MatcherAssert.assertThat(metrics, containsString(
                "kanoon_gateway_requests_seconds_bucket{method=\"GET\",route=\"clusters\",service=\"networking\",status=\"2xx\""));
    }

    @Test
    void unknownPathsOutsideTheApiAreProblemsToo() {
        given().get("/nowhere").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("/problems/not-found"));
    }
}

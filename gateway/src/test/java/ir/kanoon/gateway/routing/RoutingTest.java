package ir.kanoon.gateway.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import ir.kanoon.gateway.support.StubUpstreams;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class RoutingTest {

    private static final String TOKEN = TestTokens.user("routing-user").roles("ministry-admin").sign();

    @Test
    void everyResourceOfTheTableReachesItsService() {
        for (Map.Entry<String, List<String>> entry : StubUpstreams.TABLE.entrySet()) {
            for (String resource : entry.getValue()) {
                given().auth().oauth2(TOKEN)
                        .get("/api/v1/" + resource + "/0190a3c2-0000-7000-8000-000000000001/history?limit=5")
                        .then().statusCode(200)
                        .body("service", equalTo(entry.getKey()))
                        .body("method", equalTo("GET"))
                        .body("uri", equalTo("/api/v1/" + resource + "/0190a3c2-0000-7000-8000-000000000001/history?limit=5"));
            }
        }
    }

    @Test
    void tokenIsForwardedUnchanged() {
        given().auth().oauth2(TOKEN).get("/api/v1/members")
                .then().statusCode(200)
                .body("headers.authorization", equalTo("Bearer " + TOKEN));
    }

    @Test
    void provincesArePublicAndServedByOneService() {
        given().get("/api/v1/provinces")
                .then().statusCode(200)
                .body("service", equalTo("membership"))
                .body("headers.authorization", equalTo(null));
    }

    @Test
    void requestIdIsKeptWhenGivenAndPassedOn() {
        given().auth().oauth2(TOKEN).header("X-Request-Id", "front-end-42")
                .get("/api/v1/ideas")
                .then().statusCode(200)
                .header("X-Request-Id", "front-end-42")
                .body("headers.x-request-id", equalTo("front-end-42"));
    }

    @Test
    void requestIdIsGeneratedWhenMissingOrUnacceptable() {
        Response response = given().auth().oauth2(TOKEN).header("X-Request-Id", "bad id\twith spaces")
                .get("/api/v1/ideas");
        response.then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .header("X-Request-Id", not(equalTo("bad id\twith spaces")));
        assertEquals(response.header("X-Request-Id"), response.jsonPath().getString("headers.x-request-id"));

        given().get("/api/v1/provinces").then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void traceContextIsPropagated() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        given().auth().oauth2(TOKEN).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .get("/api/v1/meetings")
                .then().statusCode(200)
                // same trace, continued by the gateway's own span (OpenTelemetry), not copied verbatim
                .body("headers.traceparent", startsWith("00-" + traceId + "-"))
                .body("headers.traceparent", not(equalTo("00-" + traceId + "-00f067aa0ba902b7-01")));
    }

    @Test
    void bodiesAreStreamedToTheService() {
        byte[] body = new byte[48 * 1024];
        given().auth().oauth2(TestTokens.user("routing-writer").sign())
                .contentType("application/octet-stream").body(body)
                .post("/api/v1/ideas")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("bodyBytes", equalTo(body.length));
    }

    @Test
    void securityHeadersOnEveryResponse() {
        given().auth().oauth2(TOKEN).get("/api/v1/tours")
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
    }

    @Test
    void unknownResourceIsAProblem() {
        given().auth().oauth2(TOKEN).header("Accept-Language", "en").get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("title", equalTo("Not found"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/v1/nothing-here"));
    }

    @Test
    void dotSegmentsCannotDodgeTheTokenCheck() {
        // not forwarded as the public provinces: without a token it is 401 like all of /api (issue 14), with one 404
        given().urlEncodingEnabled(false).get("/api/v1/provinces/../members")
                .then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(TOKEN).urlEncodingEnabled(false).get("/api/v1/provinces/../members")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}

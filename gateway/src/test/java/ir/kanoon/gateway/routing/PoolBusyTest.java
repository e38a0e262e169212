package ir.kanoon.gateway.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.kanoon.gateway.support.StubUpstreams;
import ir.kanoon.gateway.support.Stubs;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: a full upstream connection pool is "busy", not "failing". {@code sluggish}: 2 pooled
 * connections, a wait queue of 2, 200 ms of waiting at most, breaker at 3 calls. {@code shaky}: breaker
 * opens when half of at least 4 calls in the window fail, 1 s open, then 2 probes.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class PoolBusyTest {

    @Test
    void oneCallersBurstOfSlowCallsGetsFast503BusyAndLeavesTheServiceUsableForOthers() {
        String burster = TestTokens.user("slow-burster").sign();
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/sluggish-things?_delay=1500"))
                    .header("Authorization", "Bearer " + burster).header("Accept-Language", "en")
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        int served = 0;
        int busy = 0;
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.join();
            if (response.statusCode() == 200) {
                served++;
                continue;
            }
            assertEquals(503, response.statusCode(), response.body());
            JsonPath problem = JsonPath.from(response.body());
            assertEquals("/problems/service-busy", problem.getString("type"));
            assertEquals("sluggish", problem.getString("service"));
            assertEquals("1", response.headers().firstValue("Retry-After").orElse(null));
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(null));
            busy++;
        }
        assertTrue(served >= 2, "the two pooled connections serve: " + served);
        assertTrue(busy >= 4, "what neither the pool nor its queue of 2 holds is refused at once: " + busy);

        // the burst is over: another caller is served, the breaker never counted the busy answers
        given().auth().oauth2(TestTokens.user("after-the-burst").sign()).get("/api/v1/sluggish-things")
                .then().statusCode(200).body("service", equalTo("sluggish"));
        given().baseUri(Stubs.management()).get("/q/health/ready").then()
                .body("checks.find { it.name == 'services' }.data.sluggish", containsString("breaker CLOSED"));
    }

    @Test
    void realFailuresOpenTheBreakerThenProbesCloseIt() throws InterruptedException {
        String token = TestTokens.user("shaky-user").sign();
        // below the minimum number of calls nothing opens, even at 100 % failures
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/shaky-things?_status=503").then().statusCode(503)
                    .header("X-Stub-Service", "shaky");
        }
        given().auth().oauth2(token).get("/api/v1/shaky-things").then().statusCode(200);
        // a fifth call fails: 4 failures of 5 calls, at least 4 calls and over half: it opens
        given().auth().oauth2(token).get("/api/v1/shaky-things?_status=502").then().statusCode(502);
        int hits = Stubs.hits("shaky");
        given().auth().oauth2(token).header("Accept-Language", "en").get("/api/v1/shaky-things")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/service-unavailable"))
                .body("service", equalTo("shaky"));
        assertEquals(hits, Stubs.hits("shaky"), "an open breaker does not call the service");

        // after open-duration (1 s) two probes go through; both succeed and the breaker closes
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status;
        do {
            Thread.sleep(100);
            status = given().auth().oauth2(token).get("/api/v1/shaky-things").statusCode();
        } while (status != 200 && System.nanoTime() < deadline);
        assertEquals(200, status);
        given().auth().oauth2(token).get("/api/v1/shaky-things").then().statusCode(200);
        given().baseUri(Stubs.management()).get("/q/health/ready").then()
                .body("checks.find { it.name == 'services' }.data.shaky", containsString("breaker CLOSED"));
    }
}

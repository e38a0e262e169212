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

/** Test limit (StubUpstreams): 64 KiB. */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class BodyLimitTest {

    @Test
    void oversizedBodyIs413AndNeverReachesTheService() {
        int before = Stubs.hits("workgroup");
        given().auth().oauth2(TestTokens.user("big-body").sign())
                .header("Accept-Language", "en")
                .contentType("application/json").body(new byte[64 * 1024 + 1])
                .post("/api/v1/meetings")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/payload-too-large"))
                .body("detail", equalTo("The request body exceeds the limit of 65536 bytes."));
        assertEquals(before, Stubs.hits("workgroup"));
    }

    @Test
    void bodyAtTheLimitPasses() {
        given().auth().oauth2(TestTokens.user("big-body-ok").sign())
                .contentType("application/json").body(new byte[64 * 1024])
                .post("/api/v1/meetings")
                .then().statusCode(200).body("bodyBytes", equalTo(64 * 1024));
    }
}

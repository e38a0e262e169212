package ir.kanoon.gateway.openapi;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.kanoon.gateway.support.StubUpstreams;
import ir.kanoon.gateway.support.Stubs;
import ir.kanoon.platform.testing.OidcTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14: the merged OpenAPI stays whole while a service is down (its last good copy is merged). */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class OpenApiServiceDownTest {

    @Test
    void aServiceThatIsDownIsMergedFromItsLastGoodDocument() {
        JsonPath before = given().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertEquals("ideabank", before.getString("paths.'/api/v1/ideas'.x-kanoon-service"));
        Stubs.openapi("ideabank", false);
        try {
            // the test-only dead service is never available, so no merged copy is cached: this asks again
            JsonPath during = given().get("/q/openapi").then().statusCode(200).extract().jsonPath();
            assertEquals("ideabank", during.getString("paths.'/api/v1/ideas'.x-kanoon-service"));
            assertEquals("ideabank", during.getString("paths.'/api/v1/experiences'.x-kanoon-service"));
            assertEquals(List.of("ideabank"), during.getList("x-kanoon-stale-services"));
            assertFalse(during.getList("x-kanoon-unavailable-services").contains("ideabank"));
            assertTrue(during.getList("x-kanoon-unavailable-services").contains("dead"));
        } finally {
            Stubs.openapi("ideabank", true);
        }
    }
}

package ir.kanoon.gateway.openapi;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.kanoon.gateway.support.StubUpstreams;
import ir.kanoon.platform.testing.OidcTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(StubUpstreams.class)
class OpenApiTest {

    @Test
    void mergedDocumentHasEveryServicesPaths() {
        JsonPath doc = given().get("/q/openapi").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        Map<String, Object> paths = doc.getMap("paths");
        for (Map.Entry<String, List<String>> entry : StubUpstreams.TABLE.entrySet()) {
            for (String resource : entry.getValue()) {
                String path = "/api/v1/" + resource;
                assertTrue(paths.containsKey(path), path + " missing from the merged document");
                assertEquals(entry.getKey(), doc.getString("paths.'" + path + "'.x-kanoon-service"));
            }
            assertNotNull(doc.get("components.schemas.'" + entry.getKey() + "-item'"));
        }
        assertTrue(paths.containsKey("/api/v1/provinces"));
        assertEquals("Kanoon API", doc.getString("info.title"));
        // the shared schema is kept once, and equal copies are no conflict
        assertNotNull(doc.get("components.schemas.Problem"));
        org.junit.jupiter.api.Assertions.assertNull(doc.get("x-kanoon-merge-conflicts"));
        // the test-only dead service is reported, not silently dropped
        assertTrue(doc.getList("x-kanoon-unavailable-services").contains("dead"));
    }
}

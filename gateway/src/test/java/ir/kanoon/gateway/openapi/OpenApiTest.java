package ir.kanoon.gateway.openapi;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.kanoon.gateway.support.StubUpstreams;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.OpenApiAssertions;
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
        // the shared schema is kept once, and equal copies are no conflict; only HistoryEntry differs
        assertNotNull(doc.get("components.schemas.Problem"));
        assertEquals(List.of("components/schemas/HistoryEntry (workgroup) differs from another service's: "
                + "renamed WorkgroupHistoryEntry"), doc.getList("x-kanoon-merge-conflicts"));
        // the test-only dead service is reported, not silently dropped
        assertTrue(doc.getList("x-kanoon-unavailable-services").contains("dead"));
    }

    /** Issue 7: what a front-end team generates its client from must pass a real validator. */
    @Test
    void mergedDocumentValidates_operationIdsUniqueAcrossServices() {
        String body = given().get("/q/openapi").then().statusCode(200).extract().asString();
        OpenApiAssertions.assertValid(body);
        JsonPath doc = JsonPath.from(body);
        // governance and workgroup both have historyGet: each is prefixed with its service
        assertEquals("governanceHistoryGet", doc.getString("paths.'/api/v1/boards/{id}/history'.get.operationId"));
        assertEquals("workgroupHistoryGet", doc.getString("paths.'/api/v1/working-groups/{id}/history'.get.operationId"));
        assertEquals("governanceHistoryGet", doc.getString("x-kanoon-renamed-operation-ids.governance.historyGet"));
        // ... and each keeps its own HistoryEntry shape
        assertEquals("#/components/schemas/WorkgroupHistoryEntry",
                doc.getString("paths.'/api/v1/working-groups/{id}/history'.get.responses.'200'.content.'application/json'.schema.$ref"));
        assertNotNull(doc.get("components.schemas.WorkgroupHistoryEntry.properties.minutes"));
        assertNotNull(doc.get("components.schemas.HistoryEntry.properties.decree"));
        // provinces, served by all five, stays once with its platform id
        assertEquals("provinceList", doc.getString("paths.'/api/v1/provinces'.get.operationId"));
    }
}

package ir.kanoon.governance.openapi;

import io.restassured.path.json.JsonPath;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.OpenApiAssertions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service's /q/openapi validates (unique operationIds, problem+json errors) and lists every resource. */
@KanoonTest
class OpenApiDocumentTest {

    static String document() {
        return given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
    }

    @Test
    void openApiDocumentValidates_withSwaggerParserAndTheConventions() {
        OpenApiAssertions.assertValid(document());
    }

    @Test
    void everyResourceIsDocumented_writesWithTheirVersionChecks() {
        JsonPath doc = JsonPath.from(document());
        for (String path : List.of("/api/v1/boards/{province}", "/api/v1/boards/{province}/appointments",
                "/api/v1/boards/{province}/appointments/{id}/decree", "/api/v1/officers", "/api/v1/officers/{id}/appointment",
                "/api/v1/compliance", "/api/v1/compliance/{province}")) {
            assertNotNull(doc.get("paths.'" + path + "'"), path);
        }
        Map<String, Object> decree = doc.getMap("paths.'/api/v1/boards/{province}/appointments/{id}/decree'.post.responses");
        for (String status : List.of("400", "401", "403", "404", "409", "412", "422", "428", "500")) {
            assertTrue(decree.containsKey(status), "decree does not document " + status + ": " + decree.keySet());
        }
        assertEquals("boardDecree", doc.getString("paths.'/api/v1/boards/{province}/appointments/{id}/decree'.post.operationId"));
    }
}

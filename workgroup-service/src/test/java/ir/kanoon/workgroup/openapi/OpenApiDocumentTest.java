package ir.kanoon.workgroup.openapi;

import io.restassured.path.json.JsonPath;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.OpenApiAssertions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service's /q/openapi validates (swagger-parser, unique operationIds, problem+json errors). */
@KanoonTest
class OpenApiDocumentTest {

    static String document() {
        return given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
    }

    @Test
    void openApiDocumentValidates() {
        OpenApiAssertions.assertValid(document());
    }

    @Test
    void writesDocumentTheirVersionChecks_andIdsNameTheResource() {
        JsonPath doc = JsonPath.from(document());
        Map<String, Object> held = doc.getMap("paths.'/api/v1/meetings/{id}/held'.post.responses");
        for (String s : List.of("400", "401", "403", "404", "409", "412", "428", "500")) {
            assertTrue(held.containsKey(s), "held does not document " + s + ": " + held.keySet());
        }
        assertEquals("workingGroupForm", doc.getString("paths.'/api/v1/working-groups'.post.operationId"));
        assertEquals("meetingCadence", doc.getString("paths.'/api/v1/meetings/cadence'.get.operationId"));
    }
}

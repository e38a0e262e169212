package ir.kanoon.networking.openapi;

import io.restassured.path.json.JsonPath;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.OpenApiAssertions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /q/openapi validates (swagger-parser, unique operationIds, problem+json errors) and names operations sensibly. */
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
    void operationsAndTheirErrors() {
        JsonPath doc = JsonPath.from(document());
        assertEquals("tourRegister", doc.getString("paths.'/api/v1/tours/{id}/registrations'.post.operationId"));
        assertEquals("directorySearch", doc.getString("paths.'/api/v1/directory'.get.operationId"));
        Map<String, Object> accept = doc.getMap("paths.'/api/v1/connections/{id}/accept'.post.responses");
        for (String status : List.of("401", "403", "404", "409", "412", "428", "500")) {
            assertTrue(accept.containsKey(status), "accept does not document " + status + ": " + accept.keySet());
        }
    }
}

package ir.kanoon.ideabank.openapi;

import io.restassured.path.json.JsonPath;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.OpenApiAssertions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /q/openapi is a document client generators accept (platform conventions). */
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
    void stateChangesDocumentTheirVersionChecksAndProblems() {
        JsonPath doc = JsonPath.from(document());
        Map<String, Object> status = doc.getMap("paths.'/api/v1/ideas/{id}/status'.post.responses");
        for (String code : List.of("400", "401", "403", "404", "409", "412", "422", "428")) {
            assertTrue(status.containsKey(code), "status change does not document " + code + ": " + status.keySet());
        }
    }
}

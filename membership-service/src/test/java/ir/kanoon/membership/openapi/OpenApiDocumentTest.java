package ir.kanoon.membership.openapi;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.kanoon.platform.testing.KafkaTestResource;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.OpenApiAssertions;
import ir.kanoon.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service's {@code /q/openapi} is a document a front-end team can generate a client from (issue 7:
 * {@code openapi-generator validate} refused it for repeated operationIds {@code get}, {@code list},
 * {@code history}, and {@code Problem}/{@code Violation}/{@code Page} were unused). Every service keeps a test
 * like this one.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiDocumentTest {

    static String document() {
        return given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
    }

    @Test
    void openApiDocumentValidates_withSwaggerParserAndTheConventions() {
        OpenApiAssertions.assertValid(document());
    }

    @Test
    void operationIdsNameTheResourceAndTheAction() {
        JsonPath doc = JsonPath.from(document());
        assertEquals("applicationGet", doc.getString("paths.'/api/v1/applications/{id}'.get.operationId"));
        assertEquals("memberGet", doc.getString("paths.'/api/v1/members/{id}'.get.operationId"));
        assertEquals("applicationHistory", doc.getString("paths.'/api/v1/applications/{id}/history'.get.operationId"));
        assertEquals("memberHistory", doc.getString("paths.'/api/v1/members/{id}/history'.get.operationId"));
        assertEquals("provinceList", doc.getString("paths.'/api/v1/provinces'.get.operationId"));
    }

    @Test
    void errorsAreDocumentedAsProblemJson_writesWithTheirVersionChecks() {
        JsonPath doc = JsonPath.from(document());
        Map<String, Object> decide = doc.getMap("paths.'/api/v1/applications/{id}/decision'.post.responses");
        for (String status : List.of("400", "401", "403", "404", "409", "412", "422", "428", "500")) {
            assertTrue(decide.containsKey(status), "decision does not document " + status + ": " + decide.keySet());
        }
        assertEquals("#/components/responses/PreconditionRequired",
                doc.getString("paths.'/api/v1/applications/{id}/decision'.post.responses.'428'.$ref"));
        assertEquals("#/components/schemas/Problem",
                doc.getString("components.responses.BadRequest.content.'application/problem+json'.schema.$ref"));
        assertEquals("#/components/schemas/Violation",
                doc.getString("components.schemas.Problem.properties.violations.items.$ref"));
        // a read has no write errors; public reference data needs no token
        Map<String, Object> list = doc.getMap("paths.'/api/v1/members'.get.responses");
        assertTrue(!list.containsKey("409") && !list.containsKey("412") && !list.containsKey("428"), list.keySet()::toString);
        Map<String, Object> provinces = doc.getMap("paths.'/api/v1/provinces'.get.responses");
        assertTrue(!provinces.containsKey("401") && provinces.containsKey("500"), provinces.keySet()::toString);
    }

    @Test
    void pagesAreConcretePerItemType_andUnusedModelsAreGone() {
        JsonPath doc = JsonPath.from(document());
        String page = doc.getString("paths.'/api/v1/members'.get.responses.'200'.content.'application/json'.schema.$ref");
        assertEquals("#/components/schemas/Member",
                doc.getString("components.schemas." + page.substring(page.lastIndexOf('/') + 1) + ".properties.items.items.$ref"));
        assertNull(doc.get("components.schemas.Page"), "the raw generic Page is no model of any response");
        assertNotNull(doc.get("components.securitySchemes.bearer"));
    }

    @Test
    void singleResourcesDocumentTheirBodyAndVersion_soGeneratedClientsAreTyped() {
        JsonPath doc = JsonPath.from(document());
        assertEquals("#/components/schemas/Member",
                doc.getString("paths.'/api/v1/members/{id}'.get.responses.'200'.content.'application/json'.schema.$ref"));
        assertEquals("#/components/schemas/Member",
                doc.getString("paths.'/api/v1/members/{id}/suspend'.post.responses.'200'.content.'application/json'.schema.$ref"));
        assertNotNull(doc.get("paths.'/api/v1/members/{id}'.get.responses.'200'.headers.ETag"));
        String application = doc.getString(
                "paths.'/api/v1/applications/{id}'.get.responses.'200'.content.'application/json'.schema.$ref");
        assertNotNull(application, "GET /applications/{id} documents its body");
        // creating answers 201 with Location and ETag, not a 200 of unknown shape
        Map<String, Object> created = doc.getMap("paths.'/api/v1/applications'.post.responses");
        assertTrue(created.containsKey("201") && !created.containsKey("200"), created.keySet()::toString);
        assertEquals(application,
                doc.getString("paths.'/api/v1/applications'.post.responses.'201'.content.'application/json'.schema.$ref"));
        assertNotNull(doc.get("paths.'/api/v1/applications'.post.responses.'201'.headers.Location"));
    }
}

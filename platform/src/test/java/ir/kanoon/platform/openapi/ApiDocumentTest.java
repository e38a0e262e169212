package ir.kanoon.platform.openapi;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the platform makes of any service's OpenAPI document, on the platform's own test application
 * ({@code ProbeResource} with {@code @PermitAll} and {@code @RolesAllowed} methods, and {@code ProvinceResource}).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ApiDocumentTest {

    static String document() {
        return given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
    }

    @Test
    void theDocumentValidates() {
        OpenApiAssertions.assertValid(document());
    }

    @Test
    void operationsShowTheirRoles_asRequirementScopesXRolesAndInWords() {
        JsonPath doc = JsonPath.from(document());
        String secret = "paths.'/api/v1/probes/provinces/{code}/secret'.get.";
        List<String> roles = List.of("secretariat", "labour-dg", "ministry-admin", "ministry-analyst", "integration");
        assertEquals(roles, doc.getList(secret + "security[0].bearer"));
        assertEquals(roles, doc.getList(secret + "x-roles"));
        assertTrue(doc.getString(secret + "description")
                .contains("Roles: secretariat, labour-dg, ministry-admin, ministry-analyst, integration."));
        assertEquals(List.of("ministry-admin"), doc.getList("paths.'/api/v1/probes/admin-only'.post.x-roles"));
        assertEquals("No token needed.", doc.getString("paths.'/api/v1/provinces'.get.description"));
    }

    @Test
    void errorResponsesFollowWhatTheOperationCanDo() {
        JsonPath doc = JsonPath.from(document());
        // a role-gated read by id: token, roles/province, unknown id, bad parameter, bug
        assertEquals(List.of("200", "400", "401", "403", "404", "500"),
                List.copyOf(doc.getMap("paths.'/api/v1/probes/provinces/{code}/secret'.get.responses").keySet()));
        // a versioned write reading If-Match: 412 stale, 428 missing
        Map<String, Object> put = doc.getMap("paths.'/api/v1/probes/versioned/{version}'.put.responses");
        assertTrue(put.keySet().containsAll(List.of("400", "404", "409", "412", "422", "428", "500")), put.keySet()::toString);
        assertTrue(!put.containsKey("401"), "a @PermitAll write needs no token: " + put.keySet());
        // public, parameterless reference data can only fail as a bug
        assertEquals(List.of("200", "500"), List.copyOf(doc.getMap("paths.'/api/v1/provinces'.get.responses").keySet()));
        assertEquals("#/components/responses/ServerError", doc.getString("paths.'/api/v1/provinces'.get.responses.'500'.$ref"));
    }
}

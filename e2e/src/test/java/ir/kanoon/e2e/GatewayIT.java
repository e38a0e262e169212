package ir.kanoon.e2e;

import org.junit.jupiter.api.Test;
import java.util.Map;
import java.nio.file.Path;
import java.nio.file.Files;
import ir.kanoon.platform.testing.OpenApiAssertions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway in front of the real services, with the real Keycloak's tokens. */
class GatewayIT {

    @Test
    void referenceDataIsPublicThroughTheGateway() {
        given().get(Stack.GATEWAY + "/api/v1/provinces")
                .then().statusCode(200).body("$", hasSize(31)).body("code", hasItem("IR-07"));
    }

    @Test
    void protectedResourcesNeedAKeycloakToken() {
        given().get(Stack.GATEWAY + "/api/v1/members")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Stack.tokenOf("ministry-analyst")).get(Stack.GATEWAY + "/api/v1/members")
                .then().statusCode(200).body("$", hasKey("items"));
    }

    @Test
    void provinceIsolationHoldsEndToEnd() {
        given().auth().oauth2(Stack.tokenOf("tehran-secretariat"))
                .get(Stack.GATEWAY + "/api/v1/members/stats?province=IR-04")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void requestIdIsReturned() {
        given().header("X-Request-Id", "e2e-request-42").get(Stack.GATEWAY + "/api/v1/provinces")
                .then().statusCode(200).header("X-Request-Id", equalTo("e2e-request-42"));
    }

    /**
     * The merged document is what front-end teams generate clients from: it lists one resource of every service
     * the stack runs and passes the same validator every service's own test uses (swagger-parser, unique
     * operationIds across services, resolving refs, problem+json errors).
     */
    @Test
    void oneOpenApiDocumentListsEveryServicesPaths_andValidates() {
        String document = given().get(Stack.GATEWAY + "/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/applications"))
                .body("paths", hasKey("/api/v1/members"))
                .extract().asString();
        Map<String, String> resourceOfService = Map.of(
                "governance-service", "/api/v1/boards/{province}",
                "workgroup-service", "/api/v1/working-groups",
                "ideabank-service", "/api/v1/ideas",
                "networking-service", "/api/v1/tours");
        Map<String, Object> paths = io.restassured.path.json.JsonPath.from(document).getMap("paths");
        resourceOfService.forEach((module, path) -> {
            if (Files.isDirectory(Path.of("..", module))) {
                assertTrue(paths.containsKey(path), module + " is in the merged document (" + path + ")");
            }
        });
        OpenApiAssertions.assertValid(document);
    }
}

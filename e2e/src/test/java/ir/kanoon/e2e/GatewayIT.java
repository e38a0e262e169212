package ir.kanoon.e2e;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;

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

    @Test
    void oneOpenApiDocumentListsTheServicesPaths() {
        given().get(Stack.GATEWAY + "/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/applications"))
                .body("paths", hasKey("/api/v1/members"));
    }
}

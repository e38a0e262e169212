package ir.kanoon.membership.access;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.membership.application.ApplicationResource;
import ir.kanoon.membership.member.MemberResource;
import ir.kanoon.platform.testing.KafkaTestResource;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.PostgresTestResource;
import ir.kanoon.platform.testing.TestTokens;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Declarative gates (conventions, Security: "an endpoint without a declaration is a defect"): every
 * membership endpoint declares its roles, a resource is {@code @DenyAll} by default so a new method is closed
 * until declared, OpenAPI shows who may call each operation, and read-only roles are refused on writes.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeclaredRolesTest {

    @Test
    void everyEndpointDeclaresItsRolesAndResourcesAreClosedByDefault() {
        List<String> undeclared = new ArrayList<>();
        for (Class<?> resource : List.of(ApplicationResource.class, MemberResource.class)) {
            assertTrue(resource.isAnnotationPresent(DenyAll.class), resource.getSimpleName() + " is @DenyAll by default");
            for (Method m : resource.getDeclaredMethods()) {
                boolean endpoint = m.isAnnotationPresent(GET.class) || m.isAnnotationPresent(POST.class)
                        || m.isAnnotationPresent(PUT.class) || m.isAnnotationPresent(PATCH.class)
                        || m.isAnnotationPresent(DELETE.class);
                RolesAllowed roles = m.getAnnotation(RolesAllowed.class);
                if (endpoint && !m.isAnnotationPresent(PermitAll.class) && (roles == null || roles.value().length == 0)) {
                    undeclared.add(resource.getSimpleName() + "#" + m.getName());
                }
            }
        }
        assertEquals(List.of(), undeclared);
    }

    @Test
    void openApiShowsWhoMayCallEachOperation() {
        var doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, List<String>> decide = doc.getMap("paths.'/api/v1/applications/{id}/decision'.post.security[0]");
        assertEquals(1, decide.size(), "one security scheme: " + decide);
        org.hamcrest.MatcherAssert.assertThat(decide.values().iterator().next(),
                containsInAnyOrder("secretariat", "labour-dg"));
        Map<String, List<String>> suspend = doc.getMap("paths.'/api/v1/members/{id}/suspend'.post.security[0]");
        org.hamcrest.MatcherAssert.assertThat(suspend.values().iterator().next(),
                containsInAnyOrder("secretariat", "labour-dg"));
    }

    @Test
    void readOnlyRolesAreRefusedOnWrites() {
        String analyst = TestTokens.user("analyst-writes").roles("ministry-analyst").sign();
        String integration = TestTokens.serviceAccount("tax-system").sign();
        String id = UUID.randomUUID().toString();
        for (String token : List.of(analyst, integration)) {
            given().auth().oauth2(token).header("If-Match", "\"0\"").post("/api/v1/applications/" + id + "/review")
                    .then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).header("If-Match", "\"0\"").contentType("application/json")
                    .body(Map.of("reason", "x", "resolutionRef", "HT-1")).post("/api/v1/members/" + id + "/suspend")
                    .then().statusCode(403);
            given().auth().oauth2(token).header("If-Match", "\"0\"").contentType("application/json")
                    .body(Map.of("city", "x")).patch("/api/v1/members/" + id).then().statusCode(403);
        }
        // Reading stays open to them.
        given().auth().oauth2(analyst).get("/api/v1/members").then().statusCode(200);
        given().auth().oauth2(integration).get("/api/v1/members").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(analyst).get("/api/v1/applications").then().statusCode(200)
                .body("nextCursor", org.hamcrest.Matchers.anything());
        given().auth().oauth2(TestTokens.user("nobody").sign()).get("/api/v1/members/me").then().statusCode(403)
                .body("status", equalTo(403));
    }
}

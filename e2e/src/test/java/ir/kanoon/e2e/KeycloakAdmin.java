package ir.kanoon.e2e;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Creates throw-away people in realm kanoon through the Admin REST API (master realm admin of the local stack). */
final class KeycloakAdmin {

    private KeycloakAdmin() {
    }

    private static String adminToken() {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(Stack.KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().jsonPath().getString("access_token");
    }

    /** A new signed-up person (default role applicant, no province, no verified national ID); returns the username. */
    static String newPerson() {
        return create("e2e", Map.of());
    }

    /**
     * A signed-up person whose national ID an administrator verified (user attribute {@code national_id},
     * editable by administrators only); returns the username.
     */
    static String newVerifiedPerson(String nationalId) {
        return create("e2e", Map.of("national_id", List.of(nationalId)));
    }

    /** A new provincial staff member: realm role {@code role}, staff scope {@code province}, verified national ID. */
    static String newStaff(String role, String province, String nationalId) {
        String username = create("e2e-" + role, Map.of("province", List.of(province), "national_id", List.of(nationalId)));
        String admin = adminToken();
        String id = given().auth().oauth2(admin).queryParam("username", username).queryParam("exact", true)
                .get(Stack.KEYCLOAK + "/admin/realms/kanoon/users").then().statusCode(200)
                .extract().jsonPath().getString("[0].id");
        Map<String, Object> roleRep = given().auth().oauth2(admin)
                .get(Stack.KEYCLOAK + "/admin/realms/kanoon/roles/" + role).then().statusCode(200)
                .extract().jsonPath().getMap("$");
        given().auth().oauth2(admin).contentType("application/json").body(List.of(roleRep))
                .post(Stack.KEYCLOAK + "/admin/realms/kanoon/users/" + id + "/role-mappings/realm")
                .then().statusCode(204);
        return username;
    }

    private static String create(String prefix, Map<String, List<String>> attributes) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(adminToken()).contentType("application/json")
                .body(Map.of("username", username, "email", username + "@example.test", "emailVerified", true,
                        "firstName", "سارا", "lastName", "احمدی", "enabled", true, "attributes", attributes,
                        "credentials", List.of(Map.of("type", "password", "value", Stack.DEMO_PASSWORD, "temporary", false))))
                .post(Stack.KEYCLOAK + "/admin/realms/kanoon/users")
                .then().statusCode(201);
        return username;
    }
}

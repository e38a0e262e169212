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

    /** A new signed-up person (default role applicant, no province); returns the username. */
    static String newPerson() {
        String username = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(adminToken()).contentType("application/json")
                .body(Map.of("username", username, "email", username + "@example.test", "emailVerified", true,
                        "firstName", "سارا", "lastName", "احمدی", "enabled", true,
                        "credentials", List.of(Map.of("type", "password", "value", Stack.DEMO_PASSWORD, "temporary", false))))
                .post(Stack.KEYCLOAK + "/admin/realms/kanoon/users")
                .then().statusCode(201);
        return username;
    }
}

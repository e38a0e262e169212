package ir.kanoon.e2e;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * governance-service through the gateway against the real stack (issue 8): appointing a trustee gives the linked
 * Keycloak user realm role {@code trustee} and {@code member_province} in their next token; resignation takes it away.
 * Needs the realm client {@code governance-service} (service account that may map only trustee). In Isfahan:
 * ProvinceLifeIT fills Tehran's Board to its 11 seats, and a twelfth decree there would be 409 (R2).
 */
class GovernanceIT {

    private static List<String> roles(String token) {
        List<String> roles = new ArrayList<>();
        Stack.claims(token).path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    private static String etag(String token, String url) {
        return given().auth().oauth2(token).get(url).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void r5_decreeGivesTheLinkedUserTheTrusteeRole_resignationRemovesIt() {
        String province = "IR-04";
        String username = KeycloakAdmin.newVerifiedPerson(MembershipIT.nationalId());
        String userId = Stack.claims(Stack.tokenOf(username)).path("sub").asText();
        assertFalse(roles(Stack.tokenOf(username)).contains("trustee"));
        String dg = Stack.tokenOf(KeycloakAdmin.newStaff("labour-dg", province, MembershipIT.nationalId()));
        String pd = Stack.tokenOf(KeycloakAdmin.newStaff("planning-deputy", province, MembershipIT.nationalId()));

        String base = Stack.GATEWAY + "/api/v1/boards/" + province + "/appointments";
        String id = given().auth().oauth2(dg).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("seat", "ENTREPRENEUR_EXPERT", "fullName", "سارا احمدی", "nationalId", MembershipIT.nationalId(),
                        "nominatedBy", "LABOUR_DG", "userId", userId))
                .post(base).then().statusCode(201).extract().path("id");
        String url = base + "/" + id;
        given().auth().oauth2(dg).header("If-Match", etag(dg, url)).contentType("application/json").body(Map.of())
                .post(url + "/introduction").then().statusCode(200);
        given().auth().oauth2(pd).header("If-Match", etag(pd, url)).contentType("application/json")
                .body(Map.of("decreeNumber", "e2e-" + id.substring(0, 8), "issuedOn", LocalDate.now().toString(),
                        "termEnd", LocalDate.now().plusYears(2).toString()))
                .post(url + "/decree").then().statusCode(200).body("status", equalTo("ACTIVE"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            String token = Stack.tokenOf(username);
            assertTrue(roles(token).contains("trustee"), "trustee role granted: " + roles(token));
            assertEquals(province, Stack.claims(token).path("member_province").asText());
            assertTrue(Stack.claims(token).path("province").isMissingNode(), "never the staff scope");
        });

        given().auth().oauth2(dg).header("If-Match", etag(dg, url)).contentType("application/json")
                .body(Map.of("reason", "RESIGNED")).post(url + "/end").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertFalse(roles(Stack.tokenOf(username)).contains("trustee"), "trustee role revoked"));
    }
}

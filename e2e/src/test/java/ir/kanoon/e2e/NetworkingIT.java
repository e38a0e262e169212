package ir.kanoon.e2e;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * networking-service's directory (Art. 3-7) is fed by membership's events across the real stack: a person admitted
 * through membership-service appears in the directory behind the gateway — without national ID, mobile or e-mail —
 * and disappears when suspended.
 */
class NetworkingIT {

    private static boolean listed(String token, String memberId) {
        List<String> ids = given().auth().oauth2(token).queryParam("province", "IR-07").queryParam("q", "نیلوفر")
                .queryParam("limit", 100).get(Stack.GATEWAY + "/api/v1/directory")
                .then().statusCode(200).extract().jsonPath().getList("items.memberId");
        return ids.contains(memberId);
    }

    private static String etag(String token, String url) {
        return given().auth().oauth2(token).get(url).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void anAdmittedMemberAppearsInTheDirectory_withoutPersonalData_andASuspendedOneDisappears() {
        String nationalId = MembershipIT.nationalId();
        String username = KeycloakAdmin.newVerifiedPerson(nationalId);
        String person = Stack.tokenOf(username);
        String applicationId = given().auth().oauth2(person).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.ofEntries(Map.entry("province", "IR-07"), Map.entry("category", "ENTREPRENEUR"),
                        Map.entry("sector", "SERVICES"), Map.entry("firstName", "نیلوفر"), Map.entry("lastName", "شبکه"),
                        Map.entry("nationalId", nationalId), Map.entry("birthDate", "1991-04-02"),
                        Map.entry("mobile", "+989127654321"), Map.entry("email", username + "@example.test"),
                        Map.entry("city", "تهران"), Map.entry("expertise", List.of("شبکه‌سازی")),
                        Map.entry("achievements", "راه‌اندازی یک شبکهٔ کسب‌وکار"),
                        Map.entry("businessLicenceNumber", "BL-" + nationalId), Map.entry("employees", 5),
                        Map.entry("foundingYear", 2018)))
                .post(Stack.GATEWAY + "/api/v1/applications").then().statusCode(201).extract().path("id");
        String secretariat = Stack.tokenOf("tehran-secretariat");
        String app = Stack.GATEWAY + "/api/v1/applications/" + applicationId;
        given().auth().oauth2(secretariat).header("If-Match", etag(secretariat, app)).post(app + "/review")
                .then().statusCode(200);
        String memberId = given().auth().oauth2(secretariat).header("If-Match", etag(secretariat, app))
                .contentType("application/json")
                .body(Map.of("decision", "APPROVED", "resolutionRef", "HT-1405-31", "reason", "واجد شرایط"))
                .post(app + "/decision").then().statusCode(200).extract().path("memberId");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(() -> listed(secretariat, memberId));
        String card = given().auth().oauth2(secretariat).get(Stack.GATEWAY + "/api/v1/directory/" + memberId)
                .then().statusCode(200).body("province", equalTo("IR-07")).extract().asString();
        assertFalse(card.contains(nationalId), card);
        assertFalse(card.contains("7654321"), card);
        assertFalse(card.contains("@example.test"), card);

        String member = Stack.GATEWAY + "/api/v1/members/" + memberId;
        given().auth().oauth2(secretariat).header("If-Match", etag(secretariat, member)).contentType("application/json")
                .body(Map.of("reason", "تعلیق آزمایشی", "resolutionRef", "HT-1405-32"))
                .post(member + "/suspend").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(() -> !listed(secretariat, memberId));
    }
}

package ir.kanoon.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person applies through the gateway, Tehran's secretariat approves under a Board resolution (R8,
 * Art. 7), and the real Keycloak gives that person the realm role {@code member} and {@code member_province}
 * IR-07 (never the staff scope {@code province}); a suspension takes the role away again. The events land on
 * Kafka without personal data. And the privilege escalation of issue 7 stays closed end to end.
 */
class MembershipIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A random valid national ID (weights 10..2, mod 11). */
    static String nationalId() {
        while (true) {
            StringBuilder id = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int d = ThreadLocalRandom.current().nextInt(10);
                id.append(d);
                sum += d * (10 - i);
            }
            int r = sum % 11;
            id.append(r < 2 ? r : 11 - r);
            if (id.chars().distinct().count() > 1) {
                return id.toString();
            }
        }
    }

    private static List<String> roles(String token) {
        List<String> roles = new ArrayList<>();
        Stack.claims(token).path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    /** The current {@code ETag} of a resource, for the {@code If-Match} every change needs. */
    private static String etag(String token, String url) {
        return given().auth().oauth2(token).get(url).then().statusCode(200).extract().header("ETag");
    }

    private static Map<String, Object> form(String province, String nationalId, String username) {
        return Map.ofEntries(
                Map.entry("province", province), Map.entry("category", "ENTREPRENEUR"),
                Map.entry("sector", "SERVICES"), Map.entry("firstName", "سارا"), Map.entry("lastName", "احمدی"),
                Map.entry("nationalId", nationalId), Map.entry("birthDate", "1990-03-21"),
                Map.entry("mobile", "+989121234567"), Map.entry("email", username + "@example.test"),
                Map.entry("city", "تهران"), Map.entry("expertise", List.of("کارآفرینی", "گردشگری")),
                Map.entry("achievements", "راه‌اندازی یک کسب‌وکار گردشگری"),
                Map.entry("businessLicenceNumber", "BL-" + nationalId), Map.entry("employees", 12),
                Map.entry("foundingYear", 2016));
    }

    private static void approve(String reviewer, String decider, String applicationId) {
        String url = Stack.GATEWAY + "/api/v1/applications/" + applicationId;
        given().auth().oauth2(reviewer).header("If-Match", etag(reviewer, url)).post(url + "/review")
                .then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        given().auth().oauth2(decider).header("If-Match", etag(decider, url)).contentType("application/json")
                .body(Map.of("decision", "APPROVED", "resolutionRef", "HT-1405-12", "reason", "واجد شرایط"))
                .post(url + "/decision")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void r8_approvalMakesTheApplicantAMemberInKeycloakAndSuspensionTakesItAway() throws Exception {
        String nationalId = nationalId();
        String username = KeycloakAdmin.newVerifiedPerson(nationalId);
        String person = Stack.tokenOf(username);
        assertFalse(roles(person).contains("member"));
        assertEquals(nationalId, Stack.claims(person).path("national_id").asText());

        String applicationId = given().auth().oauth2(person).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(form("IR-07", nationalId, username))
                .post(Stack.GATEWAY + "/api/v1/applications")
                .then().statusCode(201).body("status", equalTo("SUBMITTED"))
                .extract().jsonPath().getString("id");

        String secretariat = Stack.tokenOf("tehran-secretariat");
        approve(secretariat, secretariat, applicationId);

        JsonNode me = JSON.readTree(given().auth().oauth2(Stack.tokenOf(username))
                .get(Stack.GATEWAY + "/api/v1/members/me")
                .then().statusCode(200).body("membershipNumber", startsWith("IR-07-"))
                .body("status", equalTo("ACTIVE")).extract().asString());
        String memberId = me.path("id").asText();

        // Keycloak role sync, driven by the member.admitted event
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            String token = Stack.tokenOf(username);
            assertTrue(roles(token).contains("member"), "member role granted: " + roles(token));
            assertEquals("IR-07", Stack.claims(token).path("member_province").asText());
            assertTrue(Stack.claims(token).path("province").isMissingNode(), "no staff scope from membership");
        });

        String memberUrl = Stack.GATEWAY + "/api/v1/members/" + memberId;
        given().auth().oauth2(secretariat).header("If-Match", etag(secretariat, memberUrl)).contentType("application/json")
                .body(Map.of("reason", "عدم حضور در سه جلسهٔ متوالی", "resolutionRef", "HT-1405-17"))
                .post(Stack.GATEWAY + "/api/v1/members/" + memberId + "/suspend")
                .then().statusCode(200).body("status", equalTo("SUSPENDED"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertFalse(roles(Stack.tokenOf(username)).contains("member"), "member role revoked"));

        // the events are on Kafka, and carry no national ID or mobile
        List<JsonNode> events = readMembershipEvents(memberId, List.of("member.admitted", "member.suspended"));
        for (JsonNode e : events) {
            assertEquals("IR-07", e.path("provincecode").asText());
            assertFalse(e.toString().contains(nationalId), "no national ID in " + e.path("type"));
            assertFalse(e.toString().contains("9121234567"), "no mobile in " + e.path("type"));
        }
    }

    /**
     * Issue 7, reproduced through the gateway: a Tehran secretariat applies in Isfahan with their own national
     * ID and Isfahan's labour-dg approves. After the role sync their token has {@code member} with
     * {@code member_province: IR-04} but keeps {@code province: IR-07}: Isfahan's applications stay 403 and
     * Tehran's stay 200. (A fresh Tehran secretariat account, so the scenario can run on any stack again.)
     */
    @Test
    void privilegeEscalation_membershipInIsfahanNeverMovesATehranSecretariatsStaffScope() {
        String nationalId = nationalId();
        String username = KeycloakAdmin.newStaff("secretariat", "IR-07", nationalId);
        String before = Stack.tokenOf(username);
        assertEquals("IR-07", Stack.claims(before).path("province").asText());
        given().auth().oauth2(before).queryParam("province", "IR-04").get(Stack.GATEWAY + "/api/v1/applications")
                .then().statusCode(403);
        given().auth().oauth2(before).queryParam("province", "IR-07").get(Stack.GATEWAY + "/api/v1/applications")
                .then().statusCode(200);

        String applicationId = given().auth().oauth2(before).contentType("application/json")
                .body(form("IR-04", nationalId, username))
                .post(Stack.GATEWAY + "/api/v1/applications")
                .then().statusCode(201).extract().jsonPath().getString("id");
        String isfahanDg = Stack.tokenOf("isfahan-labour-dg");
        approve(Stack.tokenOf("isfahan-secretariat"), isfahanDg, applicationId);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonNode claims = Stack.claims(Stack.tokenOf(username));
            assertTrue(roles(Stack.tokenOf(username)).contains("member"), "member role granted: " + claims);
            assertEquals("IR-04", claims.path("member_province").asText());
        });
        String after = Stack.tokenOf(username);
        assertEquals("IR-07", Stack.claims(after).path("province").asText(), "the staff scope did not move");
        assertTrue(roles(after).contains("secretariat"));
        given().auth().oauth2(after).queryParam("province", "IR-04").get(Stack.GATEWAY + "/api/v1/applications")
                .then().statusCode(403);
        given().auth().oauth2(after).queryParam("province", "IR-07").get(Stack.GATEWAY + "/api/v1/applications")
                .then().statusCode(200);
    }

    private static List<JsonNode> readMembershipEvents(String memberId, List<String> wanted) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of("kanoon.membership.events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && found.size() < wanted.size()) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(300))) {
                    JsonNode e = JSON.readTree(r.value());
                    String type = e.path("type").asText();
                    if (memberId.equals(e.path("subject").asText())
                            && wanted.stream().anyMatch(w -> type.equals("ir.kanoon.membership." + w + ".v1"))) {
                        found.add(e);
                    }
                }
            }
        }
        assertEquals(wanted.size(), found.size(), "events " + wanted + " for member " + memberId);
        return found;
    }
}

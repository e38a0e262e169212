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
 * Art. 7), and the real Keycloak gives that person the realm role {@code member} and province IR-07; a
 * suspension takes the role away again. The events land on Kafka without personal data.
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

    @Test
    void r8_approvalMakesTheApplicantAMemberInKeycloakAndSuspensionTakesItAway() throws Exception {
        String username = KeycloakAdmin.newPerson();
        String person = Stack.tokenOf(username);
        assertFalse(roles(person).contains("member"));
        String nationalId = nationalId();

        String applicationId = given().auth().oauth2(person).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.ofEntries(
                        Map.entry("province", "IR-07"), Map.entry("category", "ENTREPRENEUR"),
                        Map.entry("sector", "SERVICES"), Map.entry("firstName", "سارا"), Map.entry("lastName", "احمدی"),
                        Map.entry("nationalId", nationalId), Map.entry("birthDate", "1990-03-21"),
                        Map.entry("mobile", "+989121234567"), Map.entry("email", username + "@example.test"),
                        Map.entry("city", "تهران"), Map.entry("expertise", List.of("کارآفرینی", "گردشگری")),
                        Map.entry("achievements", "راه‌اندازی یک کسب‌وکار گردشگری"),
                        Map.entry("businessLicenceNumber", "BL-" + nationalId), Map.entry("employees", 12),
                        Map.entry("foundingYear", 2016)))
                .post(Stack.GATEWAY + "/api/v1/applications")
                .then().statusCode(201).body("status", equalTo("SUBMITTED"))
                .extract().jsonPath().getString("id");

        String secretariat = Stack.tokenOf("tehran-secretariat");
        given().auth().oauth2(secretariat).post(Stack.GATEWAY + "/api/v1/applications/" + applicationId + "/review")
                .then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        given().auth().oauth2(secretariat).contentType("application/json")
                .body(Map.of("decision", "APPROVED", "resolutionRef", "HT-1405-12", "reason", "واجد شرایط"))
                .post(Stack.GATEWAY + "/api/v1/applications/" + applicationId + "/decision")
                .then().statusCode(200).body("status", equalTo("APPROVED"));

        JsonNode me = JSON.readTree(given().auth().oauth2(Stack.tokenOf(username))
                .get(Stack.GATEWAY + "/api/v1/members/me")
                .then().statusCode(200).body("membershipNumber", startsWith("IR-07-"))
                .body("status", equalTo("ACTIVE")).extract().asString());
        String memberId = me.path("id").asText();

        // Keycloak role sync, driven by the member.admitted event
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            String token = Stack.tokenOf(username);
            assertTrue(roles(token).contains("member"), "member role granted: " + roles(token));
            assertEquals("IR-07", Stack.claims(token).path("province").asText());
        });

        given().auth().oauth2(secretariat).contentType("application/json")
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

package ir.kanoon.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local stack that `deploy/local/kanoon up` brings up: PostgreSQL, Kafka, Keycloak with realm kanoon. */
class StackIT {

    private static List<String> roles(JsonNode claims) {
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    private static List<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        List<String> out = new ArrayList<>();
        if (aud.isArray()) {
            aud.forEach(a -> out.add(a.asText()));
        } else {
            out.add(aud.asText());
        }
        return out;
    }

    /**
     * Staff carry the staff scope {@code province}; members and trustees {@code member_province} and no
     * {@code province} (a staff scope is never derived from membership); every person a verified
     * {@code national_id} (conventions, Security; issue 7).
     */
    @ParameterizedTest
    @CsvSource({
            "tehran-secretariat, secretariat, province, IR-07",
            "tehran-labour-dg, labour-dg, province, IR-07",
            "tehran-planning-deputy, planning-deputy, province, IR-07",
            "isfahan-secretariat, secretariat, province, IR-04",
            "isfahan-trustee, trustee, member_province, IR-04",
            "tehran-member, member, member_province, IR-07",
            "isfahan-applicant, applicant, -, -"})
    void demoUsersGetTokensWithRoleProvinceAndAudience(String username, String role, String claim, String province) {
        JsonNode claims = Stack.claims(Stack.tokenOf(username));
        assertTrue(roles(claims).contains(role), username + " has " + role + ": " + roles(claims));
        if (!"province".equals(claim)) {
            assertTrue(claims.path("province").isMissingNode(), username + " has no staff scope: " + claims);
        }
        if (!"-".equals(claim)) {
            assertEquals(province, claims.path(claim).asText());
        }
        assertTrue(claims.path("national_id").asText().matches("\\d{10}"), "national_id: " + claims);
        assertTrue(audiences(claims).contains("kanoon-api"), "audience kanoon-api: " + audiences(claims));
        assertEquals(Stack.REALM, claims.path("iss").asText(), "issuer is pinned");
    }

    @Test
    void ministryUsersHaveNoProvince() {
        JsonNode claims = Stack.claims(Stack.tokenOf("ministry-admin"));
        assertTrue(roles(claims).contains("ministry-admin"));
        assertTrue(claims.path("province").isMissingNode() || claims.path("province").asText().isEmpty());
    }

    @Test
    void wrongPasswordGetsNoToken() {
        assertEquals(401, Stack.passwordGrant("tehran-secretariat", "not-the-password").statusCode());
    }

    @Test
    void governmentSystemsUseClientCredentialsAndHoldIntegration() {
        var response = Stack.clientCredentials("gov-integration", "gov-integration-secret");
        assertEquals(200, response.statusCode(), response.asString());
        JsonNode claims = Stack.claims(response.jsonPath().getString("access_token"));
        assertTrue(roles(claims).contains("integration"), roles(claims).toString());
        assertTrue(audiences(claims).contains("kanoon-api"));
        assertEquals(401, Stack.clientCredentials("gov-integration", "wrong").statusCode());
    }

    @Test
    void everyServiceHasItsOwnDatabase() throws Exception {
        for (String db : List.of("membership", "governance", "workgroup", "ideabank", "networking")) {
            try (Connection c = DriverManager.getConnection(Stack.JDBC + db, "kanoon", "kanoon");
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database()")) {
                rs.next();
                assertEquals(db, rs.getString(1));
            }
        }
    }

    @Test
    void kafkaTakesAndGivesBackARecord() throws Exception {
        String topic = "e2e.smoke." + UUID.randomUUID();
        String value = "ping-" + UUID.randomUUID();
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>(topic, "k", value)).get();
        }
        boolean seen = false;
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!seen && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    seen |= value.equals(r.value());
                }
            }
        }
        assertTrue(seen, "record read back from " + topic);
    }

    @Test
    void discoveryDocumentAdvertisesThePinnedIssuer() {
        String issuer = given().get(Stack.REALM + "/.well-known/openid-configuration")
                .then().statusCode(200).extract().jsonPath().getString("issuer");
        assertEquals(Stack.REALM, issuer);
        assertFalse(issuer.contains("127.0.0.1"));
    }
}

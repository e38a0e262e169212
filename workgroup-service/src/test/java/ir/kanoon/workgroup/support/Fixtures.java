package ir.kanoon.workgroup.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.ValidatableResponse;
import ir.kanoon.platform.events.CloudEvents;
import ir.kanoon.platform.testing.KafkaTestResource;
import ir.kanoon.platform.testing.TestTokens;
import ir.kanoon.workgroup.people.EligiblePerson;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Test helpers: people arrive the real way — CloudEvents on membership's and governance's topics, read by the
 * service's consumers into its projection — and the API calls the tests repeat.
 */
public final class Fixtures {

    private static KafkaProducer<String, String> producer;

    private Fixtures() {
    }

    static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    /** Publishes a raw CloudEvent JSON (for duplicate-delivery tests). */
    public static void send(String topic, String key, String json) {
        try {
            producer().send(new ProducerRecord<>(topic, key, json)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String memberEvent(String type, UUID memberId, String userId, String province, String status) {
        Map<String, Object> data = new HashMap<>();
        data.put("memberId", memberId.toString());
        data.put("membershipNumber", province + "-1405-00001");
        data.put("userId", userId);
        data.put("province", province);
        data.put("category", "ENTREPRENEUR");
        data.put("displayName", "عضو " + memberId.toString().substring(0, 4));
        data.put("expertise", List.of());
        data.put("status", status);
        data.put("someFieldWeDoNotKnow", 42);
        return CloudEvents.toJson(CloudEvents.create("/kanoon/membership", "ir.kanoon.membership.member." + type + ".v1",
                memberId.toString(), province, data));
    }

    /** An ACTIVE member of {@code province} known to the service (waits for the projection). */
    public static UUID activeMember(String province, String userId) {
        UUID id = UUID.randomUUID();
        send("kanoon.membership.events", id.toString(), memberEvent("admitted", id, userId, province, "ACTIVE"));
        awaitPerson(id, true);
        return id;
    }

    public static UUID trustee(String province, String userId) {
        UUID id = UUID.randomUUID();
        Map<String, Object> data = new HashMap<>();
        data.put("appointmentId", id.toString());
        data.put("province", province);
        data.put("seat", "ENTREPRENEUR");
        data.put("userId", userId);
        data.put("memberId", null);
        data.put("displayName", "امین " + id.toString().substring(0, 4));
        data.put("decreeNumber", "D-1");
        data.put("termEnd", "2028-01-01");
        send("kanoon.governance.events", id.toString(), CloudEvents.toJson(CloudEvents.create("/kanoon/governance",
                "ir.kanoon.governance.trustee.appointed.v1", id.toString(), province, data)));
        awaitPerson(id, true);
        return id;
    }

    public static void awaitPerson(UUID id, boolean active) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> {
                    EligiblePerson p = EligiblePerson.findById(id);
                    return p != null && p.active == active;
                }));
    }

    public static String formGroup(String province, String type) {
        return given().auth().oauth2(TestTokens.secretariat(province)).contentType("application/json")
                .body(Map.of("province", province, "type", type, "name", "کارگروه " + type,
                        "basis", "BOARD_DECISION", "basisRef", "HT-1405-9"))
                .post("/api/v1/working-groups").then().statusCode(201).extract().path("id");
    }

    /** Proposes and approves a person; returns the seat id. */
    public static String seat(String province, String groupId, UUID personId, String role) {
        ValidatableResponse proposed = given().auth().oauth2(TestTokens.secretariat(province)).contentType("application/json")
                .body(Map.of("personId", personId.toString(), "role", role, "proposalRef", "HT-1405-10"))
                .post("/api/v1/working-groups/" + groupId + "/members").then().statusCode(201);
        String seatId = proposed.extract().path("id");
        String etag = proposed.extract().header("ETag");
        given().auth().oauth2(TestTokens.labourDg(province)).header("If-Match", etag).contentType("application/json")
                .body(Map.of()).post("/api/v1/working-groups/" + groupId + "/members/" + seatId + "/approve")
                .then().statusCode(200);
        return seatId;
    }

    public static Map<String, Object> meeting(String province, String body, Instant start) {
        Map<String, Object> m = new HashMap<>();
        m.put("province", province);
        m.put("body", body);
        m.put("title", "جلسه " + body);
        m.put("mode", "HYBRID");
        m.put("place", "اداره کل تعاون، کار و رفاه اجتماعی");
        m.put("onlineUrl", "https://meet.example.ir/" + UUID.randomUUID());
        m.put("startsAt", start.toString());
        m.put("endsAt", start.plus(Duration.ofHours(2)).toString());
        return m;
    }

    public static ValidatableResponse schedule(String token, Map<String, Object> meeting) {
        return given().auth().oauth2(token).contentType("application/json").body(meeting)
                .post("/api/v1/meetings").then();
    }

    public static String etag(String token, String path) {
        return given().auth().oauth2(token).get(path).then().statusCode(200).extract().header("ETag");
    }

    public static ValidatableResponse postCurrent(String token, String path, String action, Object body) {
        return given().auth().oauth2(token).header("If-Match", etag(token, path)).contentType("application/json")
                .body(body).post(path + "/" + action).then();
    }
}

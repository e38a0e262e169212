package ir.kanoon.ideabank.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.events.CloudEvents;
import ir.kanoon.platform.testing.KafkaTestResource;
import ir.kanoon.platform.testing.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Requests and data the ideabank tests share. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String secretariat(String province) {
        return TestTokens.secretariat(province);
    }

    /** A second staff member of the province (four eyes: not the one who submitted). */
    public static String secretariatAs(String subject, String province) {
        return TestTokens.user(subject).roles("secretariat").province(province).sign();
    }

    public static String member(String subject, String province) {
        return TestTokens.member(subject, province);
    }

    public static String applicant(String subject) {
        return TestTokens.applicant(subject);
    }

    public static Map<String, Object> idea(String province, String title, String summary, String confidentiality) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "IDEA");
        body.put("title", title);
        body.put("summary", summary);
        body.put("description", "شرح کامل و محرمانهٔ ایده: " + title);
        body.put("sector", "AGRICULTURE");
        body.put("tags", List.of("کشاورزی", "آب"));
        body.put("stage", "CONCEPT");
        body.put("supportSought", List.of("FUNDING", "MENTORING"));
        body.put("province", province);
        body.put("confidentiality", confidentiality);
        return body;
    }

    public static ValidatableResponse submit(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/ideas").then();
    }

    public static String submitId(String token, Map<String, Object> body) {
        return submit(token, body).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse get(String token, String path) {
        return given().auth().oauth2(token).get(path).then();
    }

    public static String etag(String token, String ideaId) {
        return get(token, "/api/v1/ideas/" + ideaId).statusCode(200).extract().header("ETag");
    }

    /** POST an action on an idea with the If-Match its current version. */
    public static ValidatableResponse act(String token, String ideaId, String action, Object body) {
        return given().auth().oauth2(token).header("If-Match", etag(token, ideaId)).contentType(ContentType.JSON)
                .body(body).post("/api/v1/ideas/" + ideaId + "/" + action).then();
    }

    public static ValidatableResponse status(String token, String ideaId, String to) {
        return act(token, ideaId, "status", Map.of("to", to, "reason", "دلیل " + to));
    }

    public static ValidatableResponse review(String token, String ideaId, Map<String, Integer> scores) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("scores", scores, "comment", "نظر داور")).post("/api/v1/ideas/" + ideaId + "/reviews").then();
    }

    public static Map<String, Integer> scores(int novelty, int feasibility, int market, int team, int fit) {
        return Map.of("novelty", novelty, "feasibility", feasibility, "market-potential", market, "team", team,
                "comparative-advantage", fit);
    }

    // ----------------------------------------------------------------- workgroup events, through real Kafka

    public static CloudEvent memberApproved(UUID group, String province, String type, String userId, String name) {
        return CloudEvents.create("/kanoon/workgroup", "ir.kanoon.workgroup.working-group.member-approved.v1",
                group.toString(), province, Map.of("workingGroupId", group, "province", province, "type", type,
                        "userId", userId, "displayName", name, "role", "MEMBER", "someNewField", "ignored"));
    }

    public static CloudEvent dissolved(UUID group, String province) {
        return CloudEvents.create("/kanoon/workgroup", "ir.kanoon.workgroup.working-group.dissolved.v1",
                group.toString(), province, Map.of("workingGroupId", group, "province", province,
                        "type", "IDEAS_INVENTIONS_INNOVATION"));
    }

    public static void publish(CloudEvent... events) {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (CloudEvent e : events) {
                p.send(new ProducerRecord<>("kanoon.workgroup.events", e.subject(), CloudEvents.toJson(e)));
            }
            p.flush();
        }
    }
}

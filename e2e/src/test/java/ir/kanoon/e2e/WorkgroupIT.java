package ir.kanoon.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Through the gateway with real Keycloak tokens: Tehran's secretariat schedules a Board meeting and records it
 * as held (R13); within seconds {@code meeting.held} is on {@code kanoon.workgroup.events} in the contract's
 * shape, which governance-service counts for its R9 cadence check. Isfahan's secretariat cannot see it; the
 * province's calendar feed is served as text/calendar.
 */
class WorkgroupIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBoardMeetingHeldInTehranIsAMeetingHeldEventWithinSeconds() throws Exception {
        String sec = Stack.tokenOf("tehran-secretariat");
        Instant start = Instant.now().minus(Duration.ofHours(2));
        String id = given().auth().oauth2(sec).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("province", "IR-07", "body", "BOARD_OF_TRUSTEES", "title", "جلسه هیئت امنا",
                        "mode", "IN_PERSON", "place", "اداره کل تعاون، کار و رفاه اجتماعی استان تهران",
                        "startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(1)).toString()))
                .post(Stack.GATEWAY + "/api/v1/meetings").then().statusCode(201).extract().path("id");
        String url = Stack.GATEWAY + "/api/v1/meetings/" + id;
        given().auth().oauth2(Stack.tokenOf("isfahan-secretariat")).get(url).then().statusCode(404);
        String etag = given().auth().oauth2(sec).get(url).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(sec).header("If-Match", etag).contentType("application/json")
                .body(Map.of("present", List.of(), "minutes", "صورتجلسه"))
                .post(url + "/held").then().statusCode(200).body("status", equalTo("HELD"));
        given().auth().oauth2(sec).get(Stack.GATEWAY + "/api/v1/meetings/calendar.ics?province=IR-07")
                .then().statusCode(200).contentType(startsWith("text/calendar"));

        JsonNode held = null;
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of("kanoon.workgroup.events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (held == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(300))) {
                    JsonNode e = JSON.readTree(r.value());
                    if (id.equals(e.path("subject").asText())
                            && "ir.kanoon.workgroup.meeting.held.v1".equals(e.path("type").asText())) {
                        held = e;
                    }
                }
            }
        }
        assertNotNull(held, "meeting.held of " + id + " within 15 s");
        assertEquals("IR-07", held.path("provincecode").asText());
        assertEquals("BOARD_OF_TRUSTEES", held.path("data").path("body").asText());
        assertEquals(id, held.path("data").path("meetingId").asText());
    }
}

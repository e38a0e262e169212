package ir.kanoon.workgroup.events;

import com.fasterxml.jackson.databind.JsonNode;
import ir.kanoon.platform.testing.AsyncApiDocument;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import ir.kanoon.platform.testing.TopicReader;
import ir.kanoon.workgroup.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static ir.kanoon.workgroup.support.Fixtures.postCurrent;
import static ir.kanoon.workgroup.support.Fixtures.schedule;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the service really published, read back from {@code kanoon.workgroup.events}, against its AsyncAPI
 * document both ways; and the contract's {@code meeting.held} of a Board meeting held in Tehran, which
 * governance-service counts for its cadence check, visible within seconds.
 */
@KanoonTest
class AsyncApiTest {

    static final String P = "IR-07";

    @Test
    void everyEventReallyEmittedIsDocumented_andEveryDocumentedTypeIsEmitted() {
        String P = "IR-15"; // its own Board: the quorum below counts exactly one trustee
        String sec = TestTokens.secretariat(P);
        UUID trustee = Fixtures.trustee(P, "t-" + UUID.randomUUID());
        String group = Fixtures.formGroup(P, "IDEAS_INVENTIONS_INNOVATION");
        UUID member = Fixtures.activeMember(P, "m-" + UUID.randomUUID());
        Fixtures.seat(P, group, member, "MEMBER");

        Instant start = Instant.now().minus(Duration.ofHours(2));
        String board = schedule(sec, Fixtures.meeting(P, "BOARD_OF_TRUSTEES", start)).statusCode(201).extract().path("id");
        String other = schedule(sec, Fixtures.meeting(P, "ASSOCIATION", start.plus(Duration.ofDays(10)))).statusCode(201)
                .extract().path("id");
        postCurrent(sec, "/api/v1/meetings/" + other, "reschedule", Map.of("startsAt", start.plus(Duration.ofDays(11)).toString(),
                "endsAt", start.plus(Duration.ofDays(11)).plus(Duration.ofHours(1)).toString(), "reason", "تعطیلی")).statusCode(200);
        postCurrent(sec, "/api/v1/meetings/" + other, "cancel", Map.of("reason", "لغو")).statusCode(200);
        Map<String, Object> resolution = new HashMap<>();
        resolution.put("text", "تصویب برنامه سالانه");
        resolution.put("decision", "VOTES");
        resolution.put("votes", List.of(Map.of("personId", trustee.toString(), "vote", "FOR")));
        resolution.put("dueDate", "2027-03-01");
        postCurrent(sec, "/api/v1/meetings/" + board, "held", Map.of("present", List.of(trustee.toString()),
                "resolutions", List.of(resolution))).statusCode(200);
        String rid = given().auth().oauth2(sec).get("/api/v1/resolutions?meetingId=" + board).then().statusCode(200)
                .extract().path("items[0].id");
        postCurrent(sec, "/api/v1/resolutions/" + rid, "status", Map.of("status", "IN_PROGRESS")).statusCode(200);
        postCurrent(sec, "/api/v1/working-groups/" + group, "dissolve", Map.of("reason", "ادغام", "reference", "HT-1")).statusCode(200);

        List<JsonNode> seen = TopicReader.readUntil(WorkgroupEvents.TOPIC, Duration.ofSeconds(30), events ->
                TopicReader.types(TopicReader.about(events, group)).contains("ir.kanoon.workgroup.working-group.dissolved.v1")
                        && TopicReader.types(TopicReader.about(events, rid)).contains("ir.kanoon.workgroup.resolution.status-changed.v1")
                        && TopicReader.types(TopicReader.about(events, other)).contains("ir.kanoon.workgroup.meeting.cancelled.v1")
                        && TopicReader.types(TopicReader.about(events, board)).contains("ir.kanoon.workgroup.meeting.held.v1"));
        List<JsonNode> ours = new ArrayList<>();
        for (String id : List.of(group, board, other, rid)) {
            ours.addAll(TopicReader.about(seen, id));
        }
        AsyncApiDocument doc = AsyncApiDocument.load();
        doc.assertDocuments(ours);
        doc.assertEveryTypeWasEmitted(ours);
        for (JsonNode e : ours) {
            for (String field : List.of("nationalId", "mobile", "birthDate", "email")) {
                assertFalse(e.path("data").has(field), e.path("type").asText() + " carries " + field);
            }
        }
    }

    @Test
    void aBoardMeetingHeldInTehranIsAMeetingHeldEventWithinSeconds_asTheContractSays() {
        String sec = TestTokens.secretariat(P);
        UUID a = Fixtures.trustee(P, "t-" + UUID.randomUUID());
        String id = schedule(sec, Fixtures.meeting(P, "BOARD_OF_TRUSTEES", Instant.parse("2026-11-28T05:30:00Z")))
                .statusCode(201).extract().path("id");
        postCurrent(sec, "/api/v1/meetings/" + id, "held", Map.of("present", List.of(a.toString()))).statusCode(200);
        long t0 = System.nanoTime();
        List<JsonNode> seen = TopicReader.readUntil(WorkgroupEvents.TOPIC, Duration.ofSeconds(10), events ->
                TopicReader.types(TopicReader.about(events, id)).contains("ir.kanoon.workgroup.meeting.held.v1"));
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(10).toNanos());
        JsonNode held = TopicReader.about(seen, id).stream()
                .filter(e -> e.path("type").asText().equals("ir.kanoon.workgroup.meeting.held.v1")).findFirst().orElseThrow();
        assertEquals(P, held.path("provincecode").asText());
        assertEquals("/kanoon/workgroup", held.path("source").asText());
        JsonNode d = held.path("data");
        assertEquals(id, d.path("meetingId").asText());
        assertEquals(P, d.path("province").asText());
        assertEquals("BOARD_OF_TRUSTEES", d.path("body").asText());
        assertTrue(d.has("workingGroupId") && d.get("workingGroupId").isNull());
        assertEquals("2026-11-28", d.path("heldOn").asText());
        assertTrue(d.path("quorumMet").isBoolean());
        for (String f : List.of("present", "absent", "excused", "guests", "resolutions")) {
            assertTrue(d.path(f).isInt(), f);
        }
    }

    @Test
    void theDocumentIsServedAtQAsyncapi() {
        given().get("/q/asyncapi").then().statusCode(200).body(containsString("ir.kanoon.workgroup.meeting.held.v1"));
    }
}

package ir.kanoon.workgroup.meeting;

import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import ir.kanoon.workgroup.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static ir.kanoon.workgroup.support.Fixtures.postCurrent;
import static ir.kanoon.workgroup.support.Fixtures.schedule;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** Meetings over HTTP: lifecycle, attendance and quorum, resolutions and votes, R13 conveners, isolation. */
@KanoonTest
class MeetingApiTest {

    static Map<String, Object> consensus(String text) {
        Map<String, Object> r = new HashMap<>();
        r.put("text", text);
        r.put("decision", "CONSENSUS");
        r.put("assignee", "دبیرخانه");
        r.put("dueDate", LocalDate.now().plusDays(30).toString());
        return r;
    }

    static Map<String, Object> voted(String text, List<Map<String, Object>> votes) {
        Map<String, Object> r = new HashMap<>();
        r.put("text", text);
        r.put("decision", "VOTES");
        r.put("votes", votes);
        return r;
    }

    static Map<String, Object> vote(UUID person, String v) {
        return Map.of("personId", person.toString(), "vote", v);
    }

    static Map<String, Object> held(List<UUID> present, List<UUID> excused, List<Map<String, Object>> resolutions) {
        Map<String, Object> h = new HashMap<>();
        h.put("present", present.stream().map(UUID::toString).toList());
        h.put("excused", excused.stream().map(UUID::toString).toList());
        h.put("guests", List.of(Map.of("name", "نماینده استانداری", "organisation", "استانداری")));
        h.put("minutes", "صورتجلسه");
        h.put("resolutions", resolutions);
        return h;
    }

    @Test
    void quorumIsComputed_andAResolutionWithoutQuorumIsRefused_nothingRecorded() {
        String p = "IR-03";
        String sec = TestTokens.secretariat(p);
        UUID a = Fixtures.trustee(p, "t-" + UUID.randomUUID());
        UUID b = Fixtures.trustee(p, "t-" + UUID.randomUUID());
        UUID c = Fixtures.trustee(p, "t-" + UUID.randomUUID());
        UUID d = Fixtures.trustee(p, "t-" + UUID.randomUUID());
        String id = schedule(sec, Fixtures.meeting(p, "BOARD_OF_TRUSTEES", Instant.now().minus(Duration.ofHours(3))))
                .statusCode(201).body("startsOnJalali", notNullValue()).body("startsAtTehran", startsWith("20"))
                .extract().path("id");
        String path = "/api/v1/meetings/" + id;
        given().auth().oauth2(sec).get(path + "/invitations").then().statusCode(200).body("$", hasSize(4));
        // 2 of 4 present: not more than half — a resolution is refused and the meeting stays SCHEDULED
        postCurrent(sec, path, "held", held(List.of(a, b), List.of(c), List.of(consensus("تصویب برنامه"))))
                .statusCode(409).body("type", equalTo("/problems/meeting.no-quorum"));
        given().auth().oauth2(sec).get(path).then().body("status", equalTo("SCHEDULED"));
        // a voter who is absent cannot vote
        postCurrent(sec, path, "held", held(List.of(a, b, c), List.of(), List.of(voted("x", List.of(vote(d, "FOR"))))))
                .statusCode(400);
        // not carried: 1 for of 3 present
        postCurrent(sec, path, "held", held(List.of(a, b, c), List.of(), List.of(voted("x",
                List.of(vote(a, "FOR"), vote(b, "AGAINST"), vote(c, "ABSTAIN")))))).statusCode(422);
        // 3 of 4: quorum; two resolutions adopted
        postCurrent(sec, path, "held", held(List.of(a, b, c), List.of(d), List.of(consensus("تصویب برنامه"),
                voted("تشکیل کمیته", List.of(vote(a, "FOR"), vote(b, "FOR"), vote(c, "AGAINST"))))))
                .statusCode(200).body("status", equalTo("HELD"))
                .body("attendance.members", equalTo(4)).body("attendance.present", equalTo(3))
                .body("attendance.excused", equalTo(1)).body("attendance.absent", equalTo(0))
                .body("attendance.guests", equalTo(1)).body("attendance.quorumMet", equalTo(true))
                .body("attendance.quorumRequired", equalTo(3)).body("heldOnJalali", notNullValue());
        given().auth().oauth2(sec).get("/api/v1/resolutions?meetingId=" + id).then().statusCode(200)
                .body("items", hasSize(2)).body("items.votesFor", hasItem(2));
        given().auth().oauth2(sec).get(path + "/attendance").then().statusCode(200).body("status", hasItem("GUEST"));
        // HELD is final
        postCurrent(sec, path, "cancel", Map.of("reason", "x")).statusCode(409);
    }

    @Test
    void aMeetingHeldWithoutQuorumCanBeRecorded_butTakesNoResolutionLater() {
        String p = "IR-14";
        String sec = TestTokens.secretariat(p);
        UUID a = Fixtures.activeMember(p, "m-" + UUID.randomUUID());
        Fixtures.activeMember(p, "m-" + UUID.randomUUID());
        Fixtures.activeMember(p, "m-" + UUID.randomUUID());
        String id = schedule(sec, Fixtures.meeting(p, "ASSOCIATION", Instant.now().minus(Duration.ofHours(3))))
                .statusCode(201).extract().path("id");
        String path = "/api/v1/meetings/" + id;
        postCurrent(sec, path, "held", held(List.of(a), List.of(), List.of())).statusCode(200)
                .body("attendance.quorumMet", equalTo(false)).body("attendance.absent", equalTo(2));
        given().auth().oauth2(sec).contentType("application/json").body(consensus("x"))
                .post(path + "/resolutions").then().statusCode(409).body("type", equalTo("/problems/meeting.no-quorum"));
    }

    @Test
    void r13_theSecretariatConvenesTheBoard_aGroupsSecretaryItsGroup_othersMayNot() {
        String p = "IR-04";
        String sec = TestTokens.secretariat(p);
        Map<String, Object> board = Fixtures.meeting(p, "BOARD_OF_TRUSTEES", Instant.now().plus(Duration.ofDays(3)));
        schedule(TestTokens.planningDeputy(p), board).statusCode(403);
        schedule(TestTokens.member("m-1", p), board).statusCode(403);
        schedule(TestTokens.secretariat("IR-02"), board).statusCode(403);
        schedule(TestTokens.ministryAnalyst(), board).statusCode(403);
        schedule(TestTokens.labourDg(p), board).statusCode(201);
        String boardId = schedule(sec, board).statusCode(201).extract().path("id");
        // another province neither sees nor records it
        given().auth().oauth2(TestTokens.secretariat("IR-02")).get("/api/v1/meetings/" + boardId).then().statusCode(404);
        given().auth().oauth2(TestTokens.secretariat("IR-02")).header("If-Match", "\"0\"").contentType("application/json")
                .body(Map.of("reason", "x")).post("/api/v1/meetings/" + boardId + "/cancel").then().statusCode(404);

        String group = Fixtures.formGroup(p, "CULTURE_EDUCATION_RESEARCH");
        String secretaryUser = "m-sec-" + UUID.randomUUID();
        UUID secretary = Fixtures.activeMember(p, secretaryUser);
        Fixtures.seat(p, group, secretary, "SECRETARY");
        Map<String, Object> gm = Fixtures.meeting(null, "WORKING_GROUP", Instant.now().plus(Duration.ofDays(40)));
        gm.remove("province");
        gm.put("workingGroupId", group);
        schedule(TestTokens.member("someone-else", p), gm).statusCode(403);
        schedule(sec, gm).statusCode(403); // the secretariat does not convene a group's meetings
        String token = TestTokens.member(secretaryUser, p);
        String first = schedule(token, gm).statusCode(201).extract().path("id");
        // R9: a second group meeting within 14 days needs a reason
        Map<String, Object> soon = new HashMap<>(gm);
        soon.put("startsAt", Instant.now().plus(Duration.ofDays(45)).toString());
        soon.put("endsAt", Instant.now().plus(Duration.ofDays(45)).plus(Duration.ofHours(1)).toString());
        schedule(token, soon).statusCode(422).body("rule", equalTo("Art. 9 Note 2"));
        soon.put("shortIntervalReason", "بررسی فوری طرح");
        schedule(token, soon).statusCode(201).body("shortIntervalReason", equalTo("بررسی فوری طرح"));
        // reschedule keeps history; stale ETag 412, none 428
        String path = "/api/v1/meetings/" + first;
        Map<String, Object> move = Map.of("startsAt", Instant.now().plus(Duration.ofDays(70)).toString(),
                "endsAt", Instant.now().plus(Duration.ofDays(70)).plus(Duration.ofHours(1)).toString(), "reason", "تعطیلی");
        given().auth().oauth2(token).contentType("application/json").body(move).post(path + "/reschedule").then().statusCode(428);
        given().auth().oauth2(token).header("If-Match", "\"7\"").contentType("application/json").body(move)
                .post(path + "/reschedule").then().statusCode(412);
        postCurrent(token, path, "reschedule", move).statusCode(200);
        given().auth().oauth2(token).get(path + "/history").then().statusCode(200)
                .body("action", hasItem("RESCHEDULED")).body("action", hasItem("SCHEDULED"));
        // agenda: nested items
        given().auth().oauth2(token).header("If-Match", Fixtures.etag(token, path)).contentType("application/json")
                .body(List.of(Map.of("title", "گزارش دبیر", "presenter", "دبیر", "durationMinutes", 15,
                        "documents", List.of("https://docs.example.ir/r.pdf"),
                        "items", List.of(Map.of("title", "بند فرعی", "durationMinutes", 5)))))
                .put(path + "/agenda").then().statusCode(200).body("agenda[0].items[0].title", equalTo("بند فرعی"));
        // RSVP by the invited person only
        given().auth().oauth2(token).contentType("application/json").body(Map.of("answer", "ACCEPTED"))
                .post(path + "/rsvp").then().statusCode(200).body("rsvp", equalTo("ACCEPTED"));
        given().auth().oauth2(TestTokens.member("not-invited", p)).contentType("application/json")
                .body(Map.of("answer", "ACCEPTED")).post(path + "/rsvp").then().statusCode(403);
        // a government guest invited by subject (Art. 4-4)
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("name", "مدیر بانک", "organisation", "بانک توسعه", "subject", "تسهیلات"))
                .post(path + "/guests").then().statusCode(201).body("kind", equalTo("GUEST"));
        postCurrent(token, path, "cancel", Map.of("reason", "لغو")).statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void resolutionsAcrossMeetings_filters_statusFollowUp_andOverdue() {
        String p = "IR-13";
        String sec = TestTokens.secretariat(p);
        UUID a = Fixtures.trustee(p, "t-" + UUID.randomUUID());
        String id = schedule(sec, Fixtures.meeting(p, "BOARD_OF_TRUSTEES", Instant.now().minus(Duration.ofDays(20))))
                .statusCode(201).extract().path("id");
        Map<String, Object> late = consensus("گزارش عقب افتاده");
        late.put("dueDate", LocalDate.now().minusDays(5).toString());
        late.put("assignee", "رئیس هیئت امنا");
        postCurrent(sec, "/api/v1/meetings/" + id, "held", held(List.of(a), List.of(), List.of(late, consensus("به موقع"))))
                .statusCode(200);
        given().auth().oauth2(sec).get("/api/v1/resolutions?overdue=true").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].status", equalTo("OVERDUE"))
                .body("items[0].assignee", equalTo("رئیس هیئت امنا"));
        given().auth().oauth2(sec).get("/api/v1/resolutions?status=OPEN").then().body("items", hasSize(1));
        given().auth().oauth2(sec).get("/api/v1/resolutions?assignee=رئیس هیئت امنا").then().body("items", hasSize(1));
        given().auth().oauth2(sec).get("/api/v1/resolutions?body=ASSOCIATION").then().body("items", hasSize(0));
        String rid = given().auth().oauth2(sec).get("/api/v1/resolutions?overdue=true").then().extract().path("items[0].id");
        postCurrent(sec, "/api/v1/resolutions/" + rid, "status", Map.of("status", "DONE", "note", "انجام شد"))
                .statusCode(200).body("status", equalTo("DONE"));
        postCurrent(sec, "/api/v1/resolutions/" + rid, "status", Map.of("status", "OPEN")).statusCode(409);
        given().auth().oauth2(sec).get("/api/v1/resolutions/" + rid + "/notes").then().body("text", hasItem("انجام شد"));
        given().auth().oauth2(sec).get("/api/v1/resolutions?overdue=true").then().body("items", hasSize(0));
        // isolation: another province's staff see none of them; a read-only role cannot change them
        given().auth().oauth2(TestTokens.secretariat("IR-02")).get("/api/v1/resolutions").then().statusCode(200)
                .body("items.id", not(hasItem(rid)));
        given().auth().oauth2(TestTokens.secretariat("IR-02")).get("/api/v1/resolutions?province=" + p).then().statusCode(403);
        given().auth().oauth2(TestTokens.ministryAnalyst()).header("If-Match", "\"0\"").contentType("application/json")
                .body(Map.of("status", "IN_PROGRESS")).post("/api/v1/resolutions/" + rid + "/status").then().statusCode(403);
    }
}

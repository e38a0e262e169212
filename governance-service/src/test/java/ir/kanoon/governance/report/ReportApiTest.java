package ir.kanoon.governance.report;

import io.restassured.path.json.JsonPath;
import ir.kanoon.governance.support.WorkgroupFeed;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.jalali.JalaliQuarter;
import ir.kanoon.platform.jalali.TehranTime;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static ir.kanoon.governance.support.Gov.post;
import static ir.kanoon.governance.support.Gov.postIfMatch;
import static ir.kanoon.governance.support.WorkgroupFeed.at;
import static ir.kanoon.governance.support.WorkgroupFeed.data;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * R12 (Art. 6 Note 4) end to end in the service: events of membership, workgroup, ideabank and networking are fed
 * on their topics; the last quarter's report shows the same numbers as JSON and as an .xlsx Apache POI opens; the
 * labour DG submits, the Ministry returns, the labour DG resubmits, the Ministry accepts.
 */
@KanoonTest
class ReportApiTest {

    static final String P = "IR-29";

    @Test
    void r12_quarterlyReportNumbersMatchTheEventsFedIn_jsonAndXlsx_submitReturnResubmitAccept() throws Exception {
        JalaliQuarter q = JalaliQuarter.of(TehranTime.today()).previous();
        Instant in = q.start().plusDays(10).atTime(10, 0).atZone(TehranTime.ZONE).toInstant();
        Instant later = q.start().plusDays(20).atTime(10, 0).atZone(TehranTime.ZONE).toInstant();
        Instant outside = q.start().minusDays(5).atTime(10, 0).atZone(TehranTime.ZONE).toInstant();
        UUID m1 = UUID.randomUUID(), m2 = UUID.randomUUID(), m3 = UUID.randomUUID();
        WorkgroupFeed.sendTo("kanoon.membership.events",
                at(in, "membership", "member.admitted", m1.toString(), P, member(m1, "ENTREPRENEUR", "ACTIVE")),
                at(in, "membership", "member.admitted", m2.toString(), P, member(m2, "ENTREPRENEUR", "ACTIVE")),
                at(in, "membership", "member.admitted", m3.toString(), P, member(m3, "FACULTY", "ACTIVE")),
                at(later, "membership", "member.suspended", m2.toString(), P, member(m2, "ENTREPRENEUR", "SUSPENDED")));
        UUID b1 = UUID.randomUUID(), b2 = UUID.randomUUID(), a1 = UUID.randomUUID(), old = UUID.randomUUID();
        WorkgroupFeed.send(
                at(in, "workgroup", "meeting.held", b1.toString(), P, meeting(b1, "BOARD_OF_TRUSTEES", q.start().plusDays(3), 9, 2)),
                at(in, "workgroup", "meeting.held", b2.toString(), P, meeting(b2, "BOARD_OF_TRUSTEES", q.start().plusDays(40), 8, 3)),
                at(in, "workgroup", "meeting.held", a1.toString(), P, meeting(a1, "ASSOCIATION", q.start().plusDays(5), 30, 1)),
                at(in, "workgroup", "meeting.held", old.toString(), P, meeting(old, "BOARD_OF_TRUSTEES", q.start().minusDays(3), 7, 0)));
        CloudEvent idea = at(in, "ideabank", "idea.submitted", "i1", P, data("ideaId", UUID.randomUUID().toString(),
                "province", P, "kind", "IDEA", "sector", "SERVICES"));
        WorkgroupFeed.sendTo("kanoon.ideabank.events", idea, idea, // delivered twice: counted once
                at(in, "ideabank", "idea.submitted", "i2", P, data("ideaId", UUID.randomUUID().toString(), "province", P)),
                at(in, "ideabank", "idea.referred", "i1", P, data("ideaId", UUID.randomUUID().toString(), "province", P,
                        "referredTo", "صندوق نوآوری")),
                at(outside, "ideabank", "idea.submitted", "i3", P, data("ideaId", UUID.randomUUID().toString(), "province", P)));
        WorkgroupFeed.sendTo("kanoon.networking.events",
                at(in, "networking", "advice.answered", "r1", P, data("requestId", UUID.randomUUID().toString(),
                        "province", P, "answeredWithinSla", true)),
                at(in, "networking", "tour.completed", "t1", P, data("tourId", UUID.randomUUID().toString(),
                        "hostProvince", P, "participants", 12)));

        String path = "/api/v1/reports/" + P + "/" + q.year() + "/Q" + q.quarter();
        String sec = TestTokens.secretariat(P);
        await().atMost(Duration.ofSeconds(40)).until(() -> {
            JsonPath j = given().auth().oauth2(sec).get(path).then().statusCode(200).extract().jsonPath();
            return j.getInt("figures.activities.TOURS_COMPLETED") == 1 && j.getInt("figures.meetings[0].held") == 2
                    && j.getInt("figures.membersActiveByCategory.ENTREPRENEUR") == 1
                    && j.getInt("figures.activities.IDEAS_SUBMITTED") == 2;
        });
        JsonPath r = given().auth().oauth2(sec).get(path).then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("periodEndJalali", equalTo(q.lastDay().toString()))
                .extract().jsonPath();
        assertEquals(2, r.getInt("figures.membersAdmittedByCategory.ENTREPRENEUR"));
        assertEquals(1, r.getInt("figures.membersAdmittedByCategory.FACULTY"));
        assertEquals(1, r.getInt("figures.membersActiveByCategory.ENTREPRENEUR"));
        assertEquals("BOARD_OF_TRUSTEES", r.getString("figures.meetings[0].body"));
        assertEquals(17, r.getInt("figures.meetings[0].present"));
        assertEquals(5, r.getInt("figures.meetings[0].absent"));
        assertEquals(1, r.getInt("figures.meetings[1].held"));
        assertEquals(1, r.getInt("figures.activities.IDEAS_REFERRED"));
        assertEquals(1, r.getInt("figures.activities.ADVICE_ANSWERED_WITHIN_SLA"));
        assertEquals(12, r.getInt("figures.activities.TOUR_PARTICIPANTS"));

        // the .xlsx holds the same numbers
        byte[] xlsx = given().auth().oauth2(TestTokens.ministryAnalyst()).queryParam("format", "xlsx").get(path).then()
                .statusCode(200).extract().asByteArray();
        Map<String, Double> cells = new HashMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheet("figures");
            for (int i = 1; i <= s.getLastRowNum(); i++) {
                Row row = s.getRow(i);
                cells.put(row.getCell(0).getStringCellValue() + "/" + row.getCell(1).getStringCellValue(),
                        row.getCell(2).getNumericCellValue());
            }
        }
        assertEquals(2.0, cells.get("membersAdmitted/ENTREPRENEUR"));
        assertEquals(1.0, cells.get("membersActive/ENTREPRENEUR"));
        assertEquals(2.0, cells.get("meetings.BOARD_OF_TRUSTEES/held"));
        assertEquals(17.0, cells.get("meetings.BOARD_OF_TRUSTEES/present"));
        assertEquals(2.0, cells.get("activities/IDEAS_SUBMITTED"));
        assertEquals(12.0, cells.get("activities/TOUR_PARTICIPANTS"));

        // access: another province's staff 403; the analyst never writes
        given().auth().oauth2(TestTokens.secretariat("IR-30")).get(path).then().statusCode(403);
        // narrative (If-Match "0" before the first write), submission, return, resubmission, acceptance
        given().auth().oauth2(sec).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("narrative", "گزارش فعاليت‌های فصل")).put(path + "/narrative").then().statusCode(200)
                .body("narrative", equalTo("گزارش فعالیت‌های فصل"));
        String tag = given().auth().oauth2(sec).get(path).then().extract().header("ETag");
        postIfMatch(sec, path + "/submission", tag, null).statusCode(403); // the labour DG submits
        postIfMatch(TestTokens.labourDg(P), path + "/submission", tag, null).statusCode(200).body("status", equalTo("SUBMITTED"));
        tag = given().auth().oauth2(sec).get(path).then().extract().header("ETag");
        postIfMatch(TestTokens.ministryAnalyst(), path + "/review", tag, Map.of("decision", "ACCEPTED")).statusCode(403);
        postIfMatch(TestTokens.ministryAdmin(), path + "/review", tag,
                Map.of("decision", "RETURNED", "comments", "آمار کارگروه‌ها ناقص است")).statusCode(200)
                .body("status", equalTo("RETURNED"));
        tag = given().auth().oauth2(sec).get(path).then().extract().header("ETag");
        postIfMatch(TestTokens.labourDg(P), path + "/submission", tag, null).statusCode(200);
        tag = given().auth().oauth2(sec).get(path).then().extract().header("ETag");
        postIfMatch(TestTokens.ministryAdmin(), path + "/review", tag, Map.of("decision", "ACCEPTED")).statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("figures.activities.IDEAS_SUBMITTED", equalTo(2));
        given().auth().oauth2(sec).get(path + "/history").then().statusCode(200).body("size()", equalTo(5));
        // the current quarter cannot be submitted yet
        JalaliQuarter now = JalaliQuarter.of(TehranTime.today());
        String current = "/api/v1/reports/" + P + "/" + now.year() + "/Q" + now.quarter();
        postIfMatch(TestTokens.labourDg(P), current + "/submission", "\"0\"", null).statusCode(422)
                .body("rule", equalTo("Art. 6 Note 4"));
        // the compliance view shows last quarter's report (submitted after its due date: WARNING, with the facts)
        given().auth().oauth2(sec).get("/api/v1/compliance/" + P).then().statusCode(200)
                .body("checks.find { it.check == 'QUARTERLY_REPORT' }.facts.quarter", equalTo(q.toString()))
                .body("checks.find { it.check == 'QUARTERLY_REPORT' }.article", equalTo("Art. 6 Note 4"));
        postIfMatch(TestTokens.labourDg(P), "/api/v1/reports/" + P + "/1404/Q5/submission", "\"0\"", null).statusCode(400);
    }

    static Map<String, Object> member(UUID id, String category, String status) {
        return data("memberId", id.toString(), "membershipNumber", P + "-1404-1", "userId", null, "province", P,
                "category", category, "displayName", "عضو", "status", status, "expertise", java.util.List.of());
    }

    static Map<String, Object> meeting(UUID id, String body, LocalDate heldOn, int present, int absent) {
        return data("meetingId", id.toString(), "province", P, "body", body, "heldOn", heldOn.toString(),
                "present", present, "absent", absent, "excused", 0, "guests", 0, "quorumMet", true, "resolutions", 1);
    }
}

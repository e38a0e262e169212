package ir.kanoon.governance.compliance;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusMock;
import ir.kanoon.governance.events.GovernanceEvents;
import ir.kanoon.governance.support.WorkgroupFeed;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.jalali.TehranClock;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import ir.kanoon.platform.testing.TopicReader;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compliance per province and nationally, from this service's data and workgroup-service's events (R9): the Board
 * meeting check turns to VIOLATION once no Board meeting arrived for 2 months (moved clock), the event delivered
 * twice counts once, and the ministry view answers JSON, CSV and an .xlsx Apache POI opens.
 */
@KanoonTest
class ComplianceApiTest {

    @Inject
    ComplianceService compliance;
    @Inject
    AgroalDataSource dataSource;

    static String boardMeetingStatus(String province) {
        return given().auth().oauth2(TestTokens.secretariat(province)).get("/api/v1/compliance/" + province).then()
                .statusCode(200).extract().path("checks.find { it.check == 'BOARD_MEETING' }.status");
    }

    @Test
    void r9_boardMeetingCheck_turnsToViolation_whenNoBoardMeetingEventArrivedForTwoMonths() throws Exception {
        String p = "IR-25";
        LocalDate day0 = LocalDate.of(2026, 11, 29);
        TehranClock.Movable clock = TehranClock.movable().onDay(day0);
        QuarkusMock.installMockForType(clock, TehranClock.class);

        assertEquals("VIOLATION", boardMeetingStatus(p)); // never met
        UUID meetingId = UUID.randomUUID();
        CloudEvent held = WorkgroupFeed.event("meeting.held", meetingId.toString(), p, WorkgroupFeed.data(
                "meetingId", meetingId.toString(), "province", p, "body", "BOARD_OF_TRUSTEES",
                "heldOn", day0.minusDays(10).toString(), "present", 9, "absent", 1, "excused", 1, "guests", 2,
                "quorumMet", true, "resolutions", 3, "someFutureField", "ignored"));
        WorkgroupFeed.send(held, held); // the same event delivered twice
        await().atMost(Duration.ofSeconds(30)).until(() -> "OK".equals(boardMeetingStatus(p)));
        given().auth().oauth2(TestTokens.secretariat(p)).get("/api/v1/compliance/" + p).then()
                .body("checks.find { it.check == 'BOARD_MEETING' }.article", equalTo("Art. 7 Note"))
                .body("checks.find { it.check == 'BOARD_MEETING' }.facts.lastHeldOn", equalTo(day0.minusDays(10).toString()))
                .body("checks.find { it.check == 'BOARD_MEETING' }.facts.lastHeldOnJalali", equalTo("1405-08-28"));
        assertEquals(1, count("SELECT count(*) FROM meeting_fact WHERE province = '" + p + "'"));
        assertEquals(1, count("SELECT count(*) FROM processed_event WHERE event_id = '" + held.id() + "'"));

        clock.onDay(day0.minusDays(10).plusMonths(2).minusDays(5));
        assertEquals("WARNING", boardMeetingStatus(p)); // due within 14 days
        clock.onDay(day0.minusDays(10).plusMonths(2).plusDays(1));
        assertEquals("VIOLATION", boardMeetingStatus(p));

        // the change is published (compliance.changed), once
        compliance.reevaluate(p);
        compliance.reevaluate(p);
        var events = TopicReader.readUntil(GovernanceEvents.TOPIC, Duration.ofSeconds(30),
                seen -> TopicReader.about(seen, p + "/BOARD_MEETING").stream()
                        .anyMatch(e -> "VIOLATION".equals(e.path("data").path("to").asText())));
        var changes = TopicReader.about(events, p + "/BOARD_MEETING");
        assertEquals("VIOLATION", changes.get(changes.size() - 1).path("data").path("to").asText());
        assertEquals(1, changes.stream().filter(e -> "VIOLATION".equals(e.path("data").path("to").asText())).count());
    }

    @Test
    void accessIsPerProvince_nationalViewForMinistryRoles() {
        given().auth().oauth2(TestTokens.secretariat("IR-26")).get("/api/v1/compliance/IR-25").then().statusCode(403);
        given().auth().oauth2(TestTokens.secretariat("IR-26")).get("/api/v1/compliance").then().statusCode(403);
        given().auth().oauth2(TestTokens.member("m", "IR-26")).get("/api/v1/compliance/IR-26").then().statusCode(403);
        given().auth().oauth2(TestTokens.ministryAnalyst()).get("/api/v1/compliance/IR-25").then().statusCode(200);
    }

    @Test
    void ministryView_json_csv_xlsx_all31Provinces_filterByStatus() throws Exception {
        String analyst = TestTokens.ministryAnalyst();
        given().auth().oauth2(analyst).accept("application/json").get("/api/v1/compliance").then().statusCode(200)
                .body("size()", equalTo(31)).body("[0].checks.size()", equalTo(ComplianceRules.ALL.size()));
        String csv = given().auth().oauth2(analyst).accept("text/csv").get("/api/v1/compliance").then().statusCode(200)
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(1 + 31 * ComplianceRules.ALL.size(), lines.length);
        assertTrue(lines[0].startsWith("province,provinceName,asOf,asOfJalali,check,article,status"), lines[0]);
        byte[] xlsx = given().auth().oauth2(analyst).accept(ComplianceResource.XLSX).get("/api/v1/compliance").then()
                .statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet("compliance");
            assertEquals(31 * ComplianceRules.ALL.size(), sheet.getLastRowNum());
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                String[] cells = lines[r].split(",");
                assertEquals(cells[0], sheet.getRow(r).getCell(0).getStringCellValue());
                assertEquals(cells[4], sheet.getRow(r).getCell(4).getStringCellValue());
                assertEquals(cells[cells.length - 1], sheet.getRow(r).getCell(6).getStringCellValue());
            }
        }
        // every province without a Board is in VIOLATION; none is OK
        given().auth().oauth2(analyst).queryParam("status", "OK").get("/api/v1/compliance").then().statusCode(200)
                .body("size()", equalTo(0));
        given().auth().oauth2(analyst).queryParam("format", "pdf").get("/api/v1/compliance").then().statusCode(400);
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}

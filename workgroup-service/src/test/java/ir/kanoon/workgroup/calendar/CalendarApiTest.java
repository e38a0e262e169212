package ir.kanoon.workgroup.calendar;

import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import ir.kanoon.workgroup.support.Fixtures;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The .ics feeds parse with ical4j and hold the right times in Asia/Tehran. */
@KanoonTest
class CalendarApiTest {

    static final String P = "IR-06";

    @Test
    void provinceFeedAndMeetingIcs_parseWithIcal4j_timesInAsiaTehran() throws Exception {
        String sec = TestTokens.secretariat(P);
        Instant start = Instant.parse("2027-01-10T06:30:00Z"); // 10:00 Tehran (UTC+03:30)
        String id = Fixtures.schedule(sec, Fixtures.meeting(P, "BOARD_OF_TRUSTEES", start)).statusCode(201)
                .extract().path("id");
        Fixtures.schedule(sec, Fixtures.meeting(P, "ASSOCIATION", start.plusSeconds(86400))).statusCode(201);

        String feed = given().auth().oauth2(sec).get("/api/v1/meetings/calendar.ics?province=" + P).then()
                .statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/calendar")).extract().asString();
        Calendar cal = new CalendarBuilder().build(new StringReader(feed));
        List<VEvent> events = cal.getComponents("VEVENT");
        assertEquals(2, events.size());
        VEvent board = events.stream().filter(e -> e.getProperty(Property.UID).get().getValue().startsWith(id)).findFirst().orElseThrow();
        String dtstart = board.getProperty(Property.DTSTART).get().toString();
        assertTrue(dtstart.contains("TZID=Asia/Tehran"), dtstart);
        assertTrue(dtstart.contains("20270110T100000"), dtstart);
        Temporal parsed = board.getDateTimeStart().getDate();
        ZonedDateTime z = ZonedDateTime.from(parsed);
        assertEquals(start, z.toInstant(), "10:00 Tehran is 06:30 UTC");
        assertEquals(10, z.withZoneSameInstant(ZoneId.of("Asia/Tehran")).getHour());
        assertTrue(board.getProperty(Property.URL).get().getValue().endsWith("/api/v1/meetings/" + id));
        assertTrue(cal.getComponent("VTIMEZONE").isPresent(), "the feed carries Asia/Tehran's VTIMEZONE");

        String one = given().auth().oauth2(TestTokens.member("m-1", P)).get("/api/v1/meetings/" + id + "/calendar.ics")
                .then().statusCode(200).extract().asString();
        assertEquals(1, new CalendarBuilder().build(new StringReader(one)).getComponents("VEVENT").size());
        // only the body's feed
        String boardOnly = given().auth().oauth2(sec).get("/api/v1/meetings/calendar.ics?province=" + P + "&body=ASSOCIATION")
                .then().statusCode(200).extract().asString();
        assertEquals(1, new CalendarBuilder().build(new StringReader(boardOnly)).getComponents("VEVENT").size());
        // another province's feed is not ours to read
        given().auth().oauth2(TestTokens.secretariat("IR-02")).get("/api/v1/meetings/calendar.ics?province=" + P)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.secretariat("IR-02")).get("/api/v1/meetings/" + id + "/calendar.ics")
                .then().statusCode(404);
    }
}

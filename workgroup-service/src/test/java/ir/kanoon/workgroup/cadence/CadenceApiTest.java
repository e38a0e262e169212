package ir.kanoon.workgroup.cadence;

import io.quarkus.test.junit.QuarkusMock;
import ir.kanoon.platform.jalali.TehranClock;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import ir.kanoon.workgroup.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static ir.kanoon.workgroup.support.Fixtures.postCurrent;
import static ir.kanoon.workgroup.support.Fixtures.schedule;
import static org.hamcrest.Matchers.equalTo;

/** R9 over HTTP with a controllable clock: the Board turns OVERDUE after 2 months, the Association after one. */
@KanoonTest
class CadenceApiTest {

    static final String P = "IR-05";
    // 10:00 in Tehran on 2026-09-01 (06:30 UTC)
    static final Instant HELD = Instant.parse("2026-09-01T06:30:00Z");

    static void at(Instant now) {
        QuarkusMock.installMockForType(TehranClock.movable().at(now), TehranClock.class);
    }

    static String status(String body) {
        return given().auth().oauth2(TestTokens.secretariat(P)).get("/api/v1/meetings/cadence?province=" + P)
                .then().statusCode(200).extract().path("bodies.find { it.body == '" + body + "' }.status");
    }

    @Test
    void r9_boardOverdueAfterTwoMonths_associationAfterAMonth() {
        String sec = TestTokens.secretariat(P);
        UUID trustee = Fixtures.trustee(P, "t-" + UUID.randomUUID());
        UUID member = Fixtures.activeMember(P, "m-" + UUID.randomUUID());
        at(HELD.minus(Duration.ofDays(1)));
        String board = schedule(sec, Fixtures.meeting(P, "BOARD_OF_TRUSTEES", HELD)).statusCode(201).extract().path("id");
        String assembly = schedule(sec, Fixtures.meeting(P, "ASSOCIATION", HELD)).statusCode(201).extract().path("id");
        // never held: both overdue
        org.junit.jupiter.api.Assertions.assertEquals("OVERDUE", status("BOARD_OF_TRUSTEES"));
        // a meeting cannot be recorded before it starts
        postCurrent(sec, "/api/v1/meetings/" + board, "held", Map.of("present", List.of(trustee.toString())))
                .statusCode(409).body("type", equalTo("/problems/meeting.not-yet"));
        at(HELD.plus(Duration.ofHours(3)));
        postCurrent(sec, "/api/v1/meetings/" + board, "held", Map.of("present", List.of(trustee.toString()))).statusCode(200)
                .body("heldOn", equalTo("2026-09-01")).body("heldOnJalali", equalTo("1405-06-10"));
        postCurrent(sec, "/api/v1/meetings/" + assembly, "held", Map.of("present", List.of(member.toString()))).statusCode(200);

        at(Instant.parse("2026-09-20T08:00:00Z"));
        given().auth().oauth2(sec).get("/api/v1/meetings/cadence?province=" + P).then().statusCode(200)
                .body("bodies.find { it.body == 'BOARD_OF_TRUSTEES' }.lastHeld", equalTo("2026-09-01"))
                .body("bodies.find { it.body == 'BOARD_OF_TRUSTEES' }.nextDue", equalTo("2026-11-01"))
                .body("bodies.find { it.body == 'BOARD_OF_TRUSTEES' }.status", equalTo("OK"))
                .body("bodies.find { it.body == 'ASSOCIATION' }.nextDue", equalTo("2026-10-01"))
                .body("bodies.find { it.body == 'ASSOCIATION' }.status", equalTo("OK"));
        at(Instant.parse("2026-10-02T08:00:00Z"));
        org.junit.jupiter.api.Assertions.assertEquals("OVERDUE", status("ASSOCIATION"));
        org.junit.jupiter.api.Assertions.assertEquals("OK", status("BOARD_OF_TRUSTEES"));
        at(Instant.parse("2026-10-25T08:00:00Z"));
        org.junit.jupiter.api.Assertions.assertEquals("DUE_SOON", status("BOARD_OF_TRUSTEES"));
        // Tehran's day decides: 2026-11-01 21:00 UTC is already 2 November in Tehran
        at(Instant.parse("2026-11-01T21:00:00Z"));
        org.junit.jupiter.api.Assertions.assertEquals("OVERDUE", status("BOARD_OF_TRUSTEES"));
        // other provinces may not look
        given().auth().oauth2(TestTokens.secretariat("IR-02")).get("/api/v1/meetings/cadence?province=" + P).then()
                .statusCode(403);
    }
}

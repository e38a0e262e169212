package ir.kanoon.workgroup.security;

import ir.kanoon.platform.testing.TestTokens;
import ir.kanoon.workgroup.support.Fixtures;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The resources of one province that the matrix and the hostile-input test aim at. */
record WorkgroupFixtures(String group, String seat, String meeting, String heldMeeting, String resolution,
                         UUID person) {

    static WorkgroupFixtures in(String province) {
        String sec = TestTokens.secretariat(province);
        String group = Fixtures.formGroup(province, "FINANCE_VENTURE_CAPITAL");
        UUID person = Fixtures.activeMember(province, "u-" + UUID.randomUUID());
        String seat = Fixtures.seat(province, group, person, "MEMBER");
        String meeting = Fixtures.schedule(sec, Fixtures.meeting(province, "BOARD_OF_TRUSTEES",
                Instant.now().plus(Duration.ofDays(20)))).statusCode(201).extract().path("id");
        UUID a = Fixtures.trustee(province, "t-" + UUID.randomUUID());
        UUID b = Fixtures.trustee(province, "t-" + UUID.randomUUID());
        UUID c = Fixtures.trustee(province, "t-" + UUID.randomUUID());
        String held = Fixtures.schedule(sec, Fixtures.meeting(province, "BOARD_OF_TRUSTEES",
                Instant.now().minus(Duration.ofHours(3)))).statusCode(201).extract().path("id");
        Map<String, Object> resolution = new LinkedHashMap<>();
        resolution.put("text", "تصویب برنامه");
        resolution.put("decision", "CONSENSUS");
        resolution.put("assignee", "دبیرخانه");
        resolution.put("dueDate", LocalDate.now().plusDays(30).toString());
        Map<String, Object> minutes = new LinkedHashMap<>();
        minutes.put("present", List.of(a.toString(), b.toString(), c.toString()));
        minutes.put("excused", List.of());
        minutes.put("guests", List.of());
        minutes.put("minutes", "صورتجلسه");
        minutes.put("resolutions", List.of(resolution));
        Fixtures.postCurrent(sec, "/api/v1/meetings/" + held, "held", minutes).statusCode(200);
        String resolutionId = given().auth().oauth2(sec).get("/api/v1/resolutions?meetingId=" + held).then()
                .statusCode(200).extract().path("items[0].id");
        return new WorkgroupFixtures(group, seat, meeting, held, resolutionId, person);
    }
}

package ir.kanoon.examples.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class NationalCountsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode event(String id, String type, Map<String, Object> data) {
        return JSON.valueToTree(Map.of("specversion", "1.0", "id", id, "type", type, "data", data));
    }

    private static final List<JsonNode> STORY = List.of(
            event("1", "ir.kanoon.membership.member.admitted.v1",
                    Map.of("memberId", "m1", "province", "IR-07", "category", "ENTREPRENEUR", "status", "ACTIVE")),
            event("2", "ir.kanoon.membership.member.admitted.v1",
                    Map.of("memberId", "m2", "province", "IR-07", "category", "FACULTY", "status", "ACTIVE")),
            event("3", "ir.kanoon.membership.member.suspended.v1",
                    Map.of("memberId", "m2", "province", "IR-07", "category", "FACULTY", "status", "SUSPENDED")),
            event("4", "ir.kanoon.governance.trustee.appointed.v1", Map.of("appointmentId", "a1", "province", "IR-07")),
            event("5", "ir.kanoon.governance.trustee.appointed.v1", Map.of("appointmentId", "a2", "province", "IR-04")),
            event("6", "ir.kanoon.governance.trustee.left.v1", Map.of("appointmentId", "a2", "province", "IR-04")),
            event("7", "ir.kanoon.workgroup.meeting.held.v1", Map.of("meetingId", "g1", "province", "IR-07", "body", "BOARD_OF_TRUSTEES")),
            event("8", "ir.kanoon.ideabank.idea.submitted.v1", Map.of("ideaId", "i1", "province", "IR-07")),
            event("9", "ir.kanoon.ideabank.idea.status-changed.v1", Map.of("ideaId", "i1", "province", "IR-07", "from", "SUBMITTED", "to", "SCREENING")),
            event("10", "ir.kanoon.ideabank.idea.submitted.v1", Map.of("ideaId", "i2", "province", "IR-07")),
            event("11", "ir.kanoon.networking.tour.published.v1", Map.of("tourId", "t1", "hostProvince", "IR-07")),
            event("12", "ir.kanoon.networking.tour.completed.v1", Map.of("tourId", "t1", "hostProvince", "IR-07")));

    @Test
    void countsFollowTheLatestStateOfEachAggregate() {
        NationalCounts counts = new NationalCounts();
        STORY.forEach(counts::apply);
        NationalCounts.ProvinceCounts tehran = counts.province("IR-07");
        assertEquals(Map.of("ENTREPRENEUR", 1L), tehran.membersByCategory(), "a suspended member is not counted");
        assertEquals(1, tehran.boardSeatsFilled());
        assertEquals(0, counts.province("IR-04").boardSeatsFilled(), "a trustee who left frees the seat");
        assertEquals(Map.of("BOARD_OF_TRUSTEES", 1L), tehran.meetingsHeldByBody());
        assertEquals(Map.of("SCREENING", 1L, "SUBMITTED", 1L), tehran.ideasByStatus());
        assertEquals(Map.of("COMPLETED", 1L), tehran.toursByStatus());
    }

    @Test
    void aRedeliveredEventIdChangesNothing_soAReplayGivesTheSameNumbers() {
        NationalCounts once = new NationalCounts();
        STORY.forEach(once::apply);
        NationalCounts twice = new NationalCounts();
        STORY.forEach(twice::apply);
        STORY.forEach(twice::apply);
        assertFalse(twice.apply(STORY.get(0)));
        assertEquals(once.national(), twice.national());
        assertEquals(STORY.size() + 1, twice.duplicates());
    }
}

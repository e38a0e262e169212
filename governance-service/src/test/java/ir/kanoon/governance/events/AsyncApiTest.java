package ir.kanoon.governance.events;

import com.fasterxml.jackson.databind.JsonNode;
import ir.kanoon.governance.board.BoardService;
import ir.kanoon.governance.compliance.ComplianceService;
import ir.kanoon.governance.support.WorkgroupFeed;
import ir.kanoon.platform.testing.AsyncApiDocument;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import ir.kanoon.platform.testing.TopicReader;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static ir.kanoon.governance.support.Gov.appoint;
import static ir.kanoon.governance.support.Gov.base;
import static ir.kanoon.governance.support.Gov.etag;
import static ir.kanoon.governance.support.Gov.nominate;
import static ir.kanoon.governance.support.Gov.post;
import static ir.kanoon.governance.support.Gov.postIfMatch;
import static ir.kanoon.governance.support.Gov.readyForDecree;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AsyncAPI document against what really went over Kafka: a province's Board driven through every published
 * type (read back from {@code kanoon.governance.events}) and the workgroup events it consumes (read from
 * {@code kanoon.workgroup.events}). Every event read is documented with its shape, every documented type was read,
 * and no personal data is on the topic.
 */
@KanoonTest
class AsyncApiTest {

    static final String P = "IR-27";

    @Inject
    BoardService board;
    @Inject
    ComplianceService compliance;

    @Test
    void everyEventReallyEmittedIsDocumented_andEveryDocumentedTypeIsEmitted() {
        String dg = TestTokens.labourDg(P);
        // trustee.nominated/appointed, officer.appointed; then trustee.left + officer.left
        String expert = appoint(P, "ENTREPRENEUR_EXPERT");
        String officer = post(dg, "/api/v1/officers", Map.of("province", P, "office", "PRESIDENT", "appointmentId", expert))
                .statusCode(201).extract().path("id");
        String opath = "/api/v1/officers/" + officer;
        postIfMatch(TestTokens.planningDeputy(P), opath + "/appointment", etag(dg, opath), null).statusCode(200);
        String tpath = base(P) + "/" + expert;
        postIfMatch(TestTokens.planningDeputy(P), tpath + "/end", etag(dg, tpath), Map.of("reason", "REVOKED")).statusCode(200);
        // trustee.term-ending: a term ending within the alert window
        String faculty = nominate(P, "FACULTY");
        readyForDecree(P, faculty, "FACULTY");
        String fpath = base(P) + "/" + faculty;
        postIfMatch(TestTokens.planningDeputy(P), fpath + "/decree", etag(dg, fpath), Map.of("decreeNumber", "ح-9",
                "issuedOn", LocalDate.now().minusYears(2).toString(), "termEnd", LocalDate.now().plusDays(20).toString()))
                .statusCode(200);
        board.runDaily();
        // consumed: workgroup events; compliance.changed follows from them
        UUID wg = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        WorkgroupFeed.send(
                WorkgroupFeed.event("working-group.formed", wg.toString(), P,
                        Map.of("workingGroupId", wg.toString(), "province", P, "type", "FINANCE_VENTURE_CAPITAL")),
                WorkgroupFeed.event("meeting.held", meeting.toString(), P, WorkgroupFeed.data("meetingId", meeting.toString(),
                        "province", P, "body", "WORKING_GROUP", "workingGroupId", wg.toString(),
                        "workingGroupType", "FINANCE_VENTURE_CAPITAL", "heldOn", LocalDate.now().toString(),
                        "present", 5, "absent", 0, "excused", 0, "guests", 0, "quorumMet", true, "resolutions", 1)),
                WorkgroupFeed.event("working-group.dissolved", wg.toString(), P,
                        Map.of("workingGroupId", wg.toString(), "province", P, "type", "FINANCE_VENTURE_CAPITAL")));
        compliance.reevaluate(P);
        // programme.updated
        post(dg, "/api/v1/programmes?province=" + P, Map.of("title", "مدرسه کارآفرینی", "clauses", List.of("3-6"),
                "owner", "دبیرخانه", "plannedStart", LocalDate.now().toString(),
                "plannedEnd", LocalDate.now().plusMonths(3).toString())).statusCode(201);
        // report.submitted / report.reviewed: last quarter's report
        var q = ir.kanoon.platform.jalali.JalaliQuarter.of(ir.kanoon.platform.jalali.TehranTime.today()).previous();
        String report = "/api/v1/reports/" + P + "/" + q.year() + "/Q" + q.quarter();
        postIfMatch(dg, report + "/submission", "\"0\"", null).statusCode(200);
        postIfMatch(TestTokens.ministryAdmin(), report + "/review", etag(dg, report), Map.of("decision", "ACCEPTED"))
                .statusCode(200);

        List<JsonNode> ours = new ArrayList<>(TopicReader.readUntil(GovernanceEvents.TOPIC, Duration.ofSeconds(45),
                seen -> GovernanceEvents.ALL.stream().allMatch(t -> ofProvince(seen).stream()
                        .anyMatch(e -> e.path("type").asText().equals(GovernanceEvents.cloudEventType(t))))));
        ours = ofProvince(ours);
        ours.addAll(ofProvince(TopicReader.readUntil(WorkgroupFeed.TOPIC, Duration.ofSeconds(30),
                seen -> ofProvince(seen).size() >= 3)));

        AsyncApiDocument document = AsyncApiDocument.load();
        document.assertDocuments(ours);
        document.assertEveryTypeWasEmitted(ours);
        for (JsonNode event : ours) {
            for (String field : List.of("nationalId", "mobile", "birthDate", "email")) {
                assertTrue(event.path("data").path(field).isMissingNode(), event + " carries " + field);
            }
        }
    }

    private static List<JsonNode> ofProvince(List<JsonNode> events) {
        return new ArrayList<>(events.stream().filter(e -> P.equals(e.path("provincecode").asText())).toList());
    }
}

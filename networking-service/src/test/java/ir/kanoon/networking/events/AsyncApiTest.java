package ir.kanoon.networking.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusMock;
import ir.kanoon.networking.support.Members;
import ir.kanoon.networking.support.Members.M;
import ir.kanoon.platform.jalali.TehranClock;
import ir.kanoon.platform.jalali.TehranTime;
import ir.kanoon.platform.testing.AsyncApiDocument;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import ir.kanoon.platform.testing.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static ir.kanoon.networking.support.Api.act;
import static ir.kanoon.networking.support.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The AsyncAPI document against what the service really published on {@code kanoon.networking.events}: a scenario
 * drives every event type; every event read must be documented with its shape, and every documented type read.
 */
@KanoonTest
class AsyncApiTest {

    static final String P = "IR-16";

    @Test
    void everyEventReallyEmittedIsDocumented_andEveryDocumentedTypeIsEmitted() {
        String sec = TestTokens.secretariat(P);
        M a = Members.admitted(P, "رویداد یک", "گردشگری-رویداد");
        M b = Members.admitted(P, "رویداد دو");
        Set<String> subjects = new java.util.HashSet<>();

        // connection.accepted
        String conn = post(a.token(), "/api/v1/connections", Map.of("targetMemberId", b.memberId().toString(),
                "purpose", "TRADE")).statusCode(201).extract().path("id");
        act(b.token(), "/api/v1/connections/" + conn, "accept", null).statusCode(200);
        subjects.add(conn);

        // advice.requested, advice.answered
        post(b.token(), "/api/v1/advisors", Map.of("expertise", List.of("گردشگری-رویداد"), "weeklyCapacity", 3,
                "channels", List.of("MESSAGE"))).statusCode(201);
        String advice = post(TestTokens.applicant("event-asker"), "/api/v1/advice-requests", Map.of("topic", "t",
                "question", "q", "expertise", List.of("گردشگری-رویداد"), "channel", "MESSAGE", "province", P))
                .statusCode(201).extract().path("id");
        act(TestTokens.applicant("event-asker"), b.token(), "/api/v1/advice-requests/" + advice, "answer",
                Map.of("answer", "پاسخ")).statusCode(200);
        subjects.add(advice);

        // tour.published, tour.registration-confirmed, tour.completed
        Instant now = Instant.now();
        Map<String, Object> tour = new HashMap<>();
        tour.put("hostProvince", P);
        tour.put("title", "تور");
        tour.put("itinerary", List.of(Map.of("day", 1, "city", "قزوین")));
        LocalDate startsOn = TehranTime.today().plusDays(1);
        tour.put("startsOn", startsOn.toString());
        tour.put("endsOn", startsOn.toString());
        tour.put("capacity", 2);
        tour.put("registrationOpens", now.minus(1, ChronoUnit.HOURS).toString());
        tour.put("registrationCloses", now.plus(1, ChronoUnit.HOURS).toString());
        tour.put("eligibility", "HOST_PROVINCE");
        String tourId = post(sec, "/api/v1/tours", tour).statusCode(201).extract().path("id");
        act(sec, "/api/v1/tours/" + tourId, "publish", null).statusCode(200);
        String reg = post(a.token(), "/api/v1/tours/" + tourId + "/registrations", null).statusCode(201)
                .extract().path("id");
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(3));
        QuarkusMock.installMockForType(TehranClock.movable().using(later), TehranClock.class);
        act(sec, "/api/v1/tours/" + tourId, "complete", Map.of("attended", List.of(reg))).statusCode(200);
        subjects.add(tourId);

        // support-package.published
        Map<String, Object> pkg = new HashMap<>();
        pkg.put("title", "بسته");
        pkg.put("kind", "GRANT");
        pkg.put("provider", "صندوق");
        pkg.put("validFrom", TehranTime.today().toString());
        pkg.put("validUntil", TehranTime.today().plusDays(30).toString());
        String pkgId = post(sec, "/api/v1/support-packages", pkg).statusCode(201).extract().path("id");
        act(sec, "/api/v1/support-packages/" + pkgId, "publish", null).statusCode(200);
        subjects.add(pkgId);

        // partner.registered, cluster.updated
        String partner = post(sec, "/api/v1/partners", Map.of("province", P, "kind", "PHILANTHROPIST",
                "name", "خیر")).statusCode(201).extract().path("id");
        subjects.add(partner);
        String cluster = post(sec, "/api/v1/clusters", Map.of("province", P, "name", "خوشه", "valueChain", "زنجیره",
                "status", "FORMING", "memberIds", List.of(a.memberId().toString()), "partnerIds", List.of(partner)))
                .statusCode(201).extract().path("id");
        subjects.add(cluster);

        List<JsonNode> emitted = TopicReader.readUntil(NetworkingEvents.TOPIC, Duration.ofSeconds(60),
                seen -> TopicReader.distinctTypes(ours(seen, subjects)).size() >= 9);
        List<JsonNode> ours = ours(emitted, subjects);
        AsyncApiDocument document = AsyncApiDocument.load();
        document.assertDocuments(ours);
        document.assertEveryTypeWasEmitted(ours);
        for (JsonNode event : ours) {
            assertEquals("/kanoon/networking", event.path("source").asText());
            JsonNode data = event.path("data");
            for (String field : List.of("nationalId", "mobile", "email", "displayName", "name", "question", "answer",
                    "contacts", "message", "userId")) {
                assertFalse(data.has(field), field + " in " + data);
            }
        }
        assertEquals(P, ours.stream().filter(e -> e.path("subject").asText().equals(tourId)).findFirst().orElseThrow()
                .path("provincecode").asText());
    }

    private static List<JsonNode> ours(List<JsonNode> events, Set<String> subjects) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : events) {
            if (subjects.contains(e.path("subject").asText())) {
                out.add(e);
            }
        }
        return out;
    }
}

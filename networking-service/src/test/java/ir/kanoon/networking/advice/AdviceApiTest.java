package ir.kanoon.networking.advice;

import ir.kanoon.networking.support.Members;
import ir.kanoon.networking.support.Members.M;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static ir.kanoon.networking.support.Api.act;
import static ir.kanoon.networking.support.Api.get;
import static ir.kanoon.networking.support.Api.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Voice of the Advisor (Art. 3-11): matching by expertise, province and load; SLA; reassignment; rating. */
@KanoonTest
class AdviceApiTest {

    static String optIn(M m, int capacity, String... expertise) {
        return post(m.token(), "/api/v1/advisors", Map.of("expertise", List.of(expertise), "weeklyCapacity", capacity,
                "channels", List.of("CALL", "MESSAGE"))).statusCode(201).extract().path("id");
    }

    static Map<String, Object> question(String province, String... expertise) {
        return Map.of("topic", "صادرات زعفران", "question", "برای صادرات به اروپا چه مجوزهایی لازم است؟",
                "expertise", List.of(expertise), "channel", "MESSAGE", "province", province);
    }

    @Test
    void anAdvisorAtCapacityIsNotMatched_theNextOneIs_andThenNobody() {
        String tag = "صادرات-" + System.nanoTime();
        M full = Members.admitted("IR-13", "مشاور پرکار");
        M other = Members.admitted("IR-12", "مشاور دیگر");
        String fullId = optIn(full, 1, tag);
        String otherId = optIn(other, 1, tag);
        String asker = TestTokens.applicant("asker-" + tag);
        // same province as "full": it wins first (province preference), and is then at capacity (1/1)
        post(asker, "/api/v1/advice-requests", question("IR-13", tag)).statusCode(201)
                .body("status", equalTo("ASSIGNED")).body("advisorId", equalTo(fullId))
                .body("matchReason", containsString("same (IR-13)")).body("dueAt", notNullValue());
        get(asker, "/api/v1/advisors/" + fullId).body("load", equalTo(1));
        // the next question of the same province: the advisor at capacity is skipped
        post(asker, "/api/v1/advice-requests", question("IR-13", tag)).statusCode(201)
                .body("advisorId", equalTo(otherId)).body("matchReason", containsString("IR-12"));
        // everyone at capacity: stays NEW, with the reason
        post(asker, "/api/v1/advice-requests", question("IR-13", tag)).statusCode(201)
                .body("status", equalTo("NEW")).body("advisorId", nullValue())
                .body("matchReason", containsString("capacity"));
    }

    @Test
    void expertiseMatchIsPersianFolded_andNobodyAdvisesOnTheirOwnQuestion() {
        String tag = "كارآفريني" + System.nanoTime(); // Arabic yeh and kaf in the advisor's tag
        M advisor = Members.admitted("IR-13", "مشاور");
        optIn(advisor, 5, tag);
        // the advisor asks a question in their own field: not matched to themselves
        post(advisor.token(), "/api/v1/advice-requests", question("IR-13", tag.replace('ي', 'ی').replace('ك', 'ک')))
                .statusCode(201).body("status", equalTo("NEW"));
        post(TestTokens.applicant("someone"), "/api/v1/advice-requests",
                question("IR-13", tag.replace('ي', 'ی').replace('ك', 'ک'))).statusCode(201)
                .body("status", equalTo("ASSIGNED"));
    }

    @Test
    void answerWithinSla_closeWithRating_reassignByTheProvincesStaffOnly() {
        String tag = "حقوق-" + System.nanoTime();
        M a1 = Members.admitted("IR-14", "مشاور یک");
        M a2 = Members.admitted("IR-14", "مشاور دو");
        String a1Id = optIn(a1, 5, tag);
        String a2Id = optIn(a2, 5, tag);
        String asker = TestTokens.applicant("asker-sla-" + tag);
        String id = post(asker, "/api/v1/advice-requests", question("IR-14", tag)).statusCode(201)
                .extract().path("id");
        String path = "/api/v1/advice-requests/" + id;
        String assigned = get(asker, path).extract().path("advisorId");
        M assignedMember = assigned.equals(a1Id) ? a1 : a2;
        M otherMember = assigned.equals(a1Id) ? a2 : a1;
        // the other advisor cannot see or answer it
        get(otherMember.token(), path).statusCode(404);
        // reassign: another province's staff 403-or-404, a read-only role 403, own province's staff 200
        act(TestTokens.secretariat("IR-14"), TestTokens.secretariat("IR-07"), path, "reassign",
                Map.of("reason", "x")).statusCode(404);
        act(TestTokens.secretariat("IR-14"), TestTokens.ministryAnalyst(), path, "reassign",
                Map.of("reason", "x")).statusCode(403);
        act(TestTokens.secretariat("IR-14"), path, "reassign", Map.of("reason", "مشاور در سفر است")).statusCode(200)
                .body("advisorId", equalTo(assigned.equals(a1Id) ? a2Id : a1Id));
        // now the other one answers; the first no longer can
        // the former advisor no longer sees it at all
        act(asker, assignedMember.token(), path, "answer", Map.of("answer", "x")).statusCode(404);
        act(asker, otherMember.token(), path, "answer", Map.of("answer", "مجوز صادرات و گواهی مبدأ"))
                .statusCode(200).body("status", equalTo("ANSWERED")).body("answeredWithinSla", equalTo(true))
                .body("overdue", equalTo(false));
        // only the asker closes and rates
        act(asker, otherMember.token(), path, "close", Map.of("rating", 5)).statusCode(403);
        act(asker, path, "close", Map.of("rating", 6)).statusCode(400);
        act(asker, path, "close", Map.of("rating", 4)).statusCode(200).body("status", equalTo("CLOSED"))
                .body("rating", equalTo(4));
        get(TestTokens.secretariat("IR-14"), path + "/history").statusCode(200)
                .body("action", org.hamcrest.Matchers.hasItems("ASKED", "ASSIGNED", "REASSIGN_REQUESTED", "ANSWERED", "CLOSED"));
        // staff see their province's questions, with the overdue filter available
        get(TestTokens.secretariat("IR-14"), "/api/v1/advice-requests?overdue=true").statusCode(200);
        get(TestTokens.secretariat("IR-14"), "/api/v1/advice-requests?province=IR-07").statusCode(403);
    }

    @Test
    void overdueIsVisible_whenTheSlaHasPassed() {
        String tag = "دیرکرد-" + System.nanoTime();
        M a = Members.admitted("IR-15", "مشاور کند");
        optIn(a, 5, tag);
        String id = post(TestTokens.applicant("late-asker"), "/api/v1/advice-requests", question("IR-15", tag))
                .statusCode(201).extract().path("id");
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                io.quarkus.arc.Arc.container().instance(jakarta.persistence.EntityManager.class).get()
                        .createNativeQuery("UPDATE advice_request SET due_at = now() - interval '1 hour' WHERE id = :id")
                        .setParameter("id", java.util.UUID.fromString(id)).executeUpdate());
        get(TestTokens.secretariat("IR-15"), "/api/v1/advice-requests?overdue=true").statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
        get(TestTokens.secretariat("IR-15"), "/api/v1/advice-requests/" + id).body("overdue", equalTo(true));
        act(TestTokens.secretariat("IR-15"), a.token(), "/api/v1/advice-requests/" + id, "answer",
                Map.of("answer", "دیر شد")).statusCode(200).body("answeredWithinSla", equalTo(false));
    }

    @Test
    void aSuspendedMembersAdvisorProfileIsNeitherMatchedNorListed() {
        String tag = "تعلیق-" + System.nanoTime();
        M m = Members.admitted("IR-13", "مشاور معلق");
        String id = optIn(m, 5, tag);
        Members.status(m, "SUSPENDED");
        post(TestTokens.applicant("asker-susp"), "/api/v1/advice-requests", question("IR-13", tag)).statusCode(201)
                .body("status", equalTo("NEW"));
        get(TestTokens.applicant("asker-susp"), "/api/v1/advisors?limit=100").statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
    }

    @Test
    void oneAdvisorProfilePerMember_andOnlyMembersOptIn() {
        M m = Members.admitted("IR-13", "تکراری");
        optIn(m, 2, "بازاریابی");
        post(m.token(), "/api/v1/advisors", Map.of("expertise", List.of("x"), "weeklyCapacity", 2,
                "channels", List.of("CALL"))).statusCode(409).body("rule", equalTo("Art. 3-11"));
        post(TestTokens.applicant("not-member"), "/api/v1/advisors", Map.of("expertise", List.of("x"),
                "weeklyCapacity", 2, "channels", List.of("CALL"))).statusCode(403);
    }
}

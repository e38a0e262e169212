package ir.kanoon.ideabank.idea;

import ir.kanoon.ideabank.support.Reviewers;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static ir.kanoon.ideabank.support.Fixtures.*;
import static org.hamcrest.Matchers.*;

/** Confidentiality by role (issue 10 acceptance): who reads what of an idea. */
@KanoonTest
class ConfidentialityTest {

    static final String P = "IR-05";
    static final String OTHER = "IR-06";

    @Inject
    Reviewers reviewers;

    @Test
    void reviewersIdea_memberOfAnotherProvinceCannotReadItsDescription_nor_knowItExists() {
        Map<String, Object> body = idea(P, "داروی گیاهی محرمانه", "فرمول تازهٔ گیاهی", "REVIEWERS");
        body.put("team", List.of(Map.of("userId", "conf-team", "displayName", "همکار")));
        String id = submitId(applicant("conf-owner"), body);
        String path = "/api/v1/ideas/" + id;

        get(member("conf-outsider", OTHER), path).statusCode(404).body(not(containsString("فرمول")));
        get(member("conf-local-member", P), path).statusCode(404);
        get(secretariat(OTHER), path).statusCode(404);
        get(member("conf-outsider", OTHER), path + "/similar").statusCode(404);
        get(member("conf-outsider", OTHER), path + "/history").statusCode(404);
        get(member("conf-outsider", OTHER), "/api/v1/ideas?q=فرمول").statusCode(200).body("items", empty());

        // full text: owner, team, the province's secretariat, ministry, assigned reviewers
        get(applicant("conf-owner"), path).statusCode(200).body("description", containsString("محرمانه"));
        get(applicant("conf-team"), path).statusCode(200).body("visibility", is("FULL"));
        get(secretariat(P), path).statusCode(200).body("description", notNullValue());
        get(TestTokens.ministryAnalyst(), path).statusCode(200).body("description", notNullValue());
        get(secretariat(P), "/api/v1/ideas?q=فرمول").statusCode(200).body("items.id", hasItem(id));

        reviewers.join(P, "conf-reviewer");
        get(applicant("conf-reviewer"), path).statusCode(404);
        status(secretariat(P), id, "SCREENING").statusCode(200);
        act(secretariat(P), id, "reviewers", Map.of("userId", "conf-reviewer")).statusCode(201);
        get(applicant("conf-reviewer"), path).statusCode(200).body("description", notNullValue());
    }

    @Test
    void membersIdea_outsidersSeeTitleAndSummaryOnly_theProvincesMembersSeeAll() {
        String id = submitId(applicant("mem-owner"), idea(P, "صنایع دستی برخط", "فروش صنایع دستی روستایی", "MEMBERS"));
        String path = "/api/v1/ideas/" + id;
        get(member("mem-outsider", OTHER), path).statusCode(200).body("visibility", is("SUMMARY"))
                .body("title", is("صنایع دستی برخط")).body("description", nullValue()).body("team", nullValue())
                .body("evaluation", nullValue());
        get(applicant("mem-lay"), path).statusCode(200).body("visibility", is("SUMMARY"));
        get(member("mem-local", P), path).statusCode(200).body("visibility", is("FULL"))
                .body("description", containsString("شرح کامل"));
        // a listing shows the same cut
        get(member("mem-outsider", OTHER), "/api/v1/ideas?q=صنایع دستی&province=" + P).statusCode(200)
                .body("items.find { it.id == '" + id + "' }.description", nullValue());
    }

    @Test
    void publicIdea_everyoneSignedInReadsIt_butNobodyAnonymous() {
        String id = submitId(applicant("pub-owner"), idea(P, "کافه کتاب", "کتاب‌خوانی در روستا", "PUBLIC"));
        get(member("pub-reader", OTHER), "/api/v1/ideas/" + id).statusCode(200).body("visibility", is("FULL"));
        io.restassured.RestAssured.given().get("/api/v1/ideas/" + id).then().statusCode(401);
    }
}

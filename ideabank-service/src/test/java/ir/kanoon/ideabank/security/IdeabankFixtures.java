package ir.kanoon.ideabank.security;

import ir.kanoon.platform.testing.TestTokens;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static ir.kanoon.ideabank.support.Fixtures.act;
import static ir.kanoon.ideabank.support.Fixtures.applicant;
import static ir.kanoon.ideabank.support.Fixtures.idea;
import static ir.kanoon.ideabank.support.Fixtures.secretariat;
import static ir.kanoon.ideabank.support.Fixtures.submitId;

/** The resources of one province that the matrix and the hostile-input test aim at. */
record IdeabankFixtures(String secretIdea, String memberIdea, String experience) {

    static Map<String, Object> experienceForm(String province) {
        return Map.of("memberId", UUID.randomUUID().toString(), "province", province, "title", "تجربه",
                "story", "داستان", "lessons", "درس", "sector", "INDUSTRY");
    }

    static IdeabankFixtures in(String province) {
        // REVIEWERS: only the author, the province's staff and assigned reviewers read it
        String secret = submitId(applicant("fx-author-" + UUID.randomUUID()), idea(province,
                "اختراع محرمانه " + UUID.randomUUID(), "خلاصه محرمانه", "REVIEWERS"));
        act(secretariat(province), secret, "status", Map.of("to", "SCREENING", "reason", "بررسی")).statusCode(200);
        String members = submitId(TestTokens.member("fx-member-" + UUID.randomUUID(), province), idea(province,
                "ایده اعضا " + UUID.randomUUID(), "خلاصه", "MEMBERS"));
        String experience = given().auth().oauth2(TestTokens.member("fx-exp-" + UUID.randomUUID(), province))
                .contentType("application/json").body(experienceForm(province)).post("/api/v1/experiences").then()
                .statusCode(201).extract().path("id");
        return new IdeabankFixtures(secret, members, experience);
    }
}

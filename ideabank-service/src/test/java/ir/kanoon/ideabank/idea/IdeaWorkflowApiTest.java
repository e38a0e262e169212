package ir.kanoon.ideabank.idea;

import ir.kanoon.ideabank.support.Reviewers;
import ir.kanoon.platform.testing.KanoonTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static ir.kanoon.ideabank.support.Fixtures.*;
import static org.hamcrest.Matchers.*;

/** The whole stage gate through the API, on real PostgreSQL and Kafka (issue 10 acceptance). */
@KanoonTest
class IdeaWorkflowApiTest {

    static final String P = "IR-03";

    @Inject
    Reviewers reviewers;

    @Test
    void r13_r10_wholeWorkflow_screenAssignEvaluateDecideRefer_withWeightedScoreAsConfigured() {
        String owner = applicant("wf-owner");
        Map<String, Object> body = idea(P, "گلخانهٔ هوشمند خورشیدی", "کنترل دما و آب گلخانه با حسگرهای ارزان", "REVIEWERS");
        body.put("team", List.of(Map.of("userId", "wf-teammate", "displayName", "همکار")));
        String id = submitId(owner, body);
        String sec = secretariat(P);
        reviewers.join(P, "wf-reviewer-1");

        get(owner, "/api/v1/ideas/" + id).statusCode(200).body("status", is("SUBMITTED")).body("visibility", is("FULL"));
        status(sec, id, "SCREENING").statusCode(200).body("status", is("SCREENING"));
        // evaluation needs a reviewer (Art. 9)
        status(sec, id, "UNDER_EVALUATION").statusCode(409).body("rule", is("Art. 9"));
        act(sec, id, "reviewers", Map.of("userId", "wf-reviewer-1")).statusCode(201)
                .body("outsideExpert", is(false)).body("reviewerName", is("داور wf-reviewer-1"));
        // a person not in the ideas working group is refused unless recorded as an outside expert
        act(sec, id, "reviewers", Map.of("userId", "wf-stranger")).statusCode(422)
                .body("type", endsWith("reviewer.not-in-working-group"));
        act(sec, id, "reviewers", Map.of("userId", "wf-expert", "outsideExpert", true, "displayName", "دکتر بیرونی",
                "expertise", "مهندسی کشاورزی")).statusCode(201).body("outsideExpert", is(true));
        status(sec, id, "UNDER_EVALUATION").statusCode(200);
        // a decision waits for every assigned review
        status(sec, id, "ACCEPTED").statusCode(409).body("type", endsWith("idea.reviews-pending"));

        // scores: weights 25/25/20/15/15 → (25*8 + 25*6 + 20*10 + 15*4 + 15*7) / 100 = 7.15
        review(applicant("wf-reviewer-1"), id, scores(8, 6, 10, 4, 7)).statusCode(200).body("score", is(7.15f));
        // a missing criterion is a 400 naming it
        review(applicant("wf-expert"), id, Map.of("novelty", 5)).statusCode(400)
                .body("violations.field", hasItem("scores.feasibility"));
        // (25*6 + 25*6 + 20*6 + 15*6 + 15*6) / 100 = 6.00; mean (7.15 + 6.00) / 2 = 6.575 → 6.58
        review(applicant("wf-expert"), id, scores(6, 6, 6, 6, 6)).statusCode(200).body("score", is(6.0f));
        review(applicant("wf-expert"), id, scores(6, 6, 6, 6, 6)).statusCode(409);
        // someone not assigned cannot score
        review(applicant("wf-stranger"), id, scores(1, 1, 1, 1, 1)).statusCode(404);

        get(sec, "/api/v1/ideas/" + id).statusCode(200)
                .body("evaluation.reviewersAssigned", is(2)).body("evaluation.reviewsCompleted", is(2))
                .body("evaluation.weightedScore", is(6.58f));
        get(sec, "/api/v1/ideas/" + id + "/reviews").statusCode(200).body("size()", is(2));
        // each reviewer sees only their own review
        get(applicant("wf-reviewer-1"), "/api/v1/ideas/" + id + "/reviews").statusCode(200).body("size()", is(1));

        String decider = secretariatAs("wf-decider", P);
        act(decider, id, "status", Map.of("to", "ACCEPTED", "reason", "نوآورانه و شدنی")).statusCode(200)
                .body("status", is("ACCEPTED")).body("decision.decidedBy", is("wf-decider"))
                .body("decision.reason", is("نوآورانه و شدنی"));
        act(sec, id, "referral", Map.of("referredTo", "SCIENCE_TECHNOLOGY_PARK", "organisation", "پارک علم و فناوری",
                "reason", "نیاز به شتاب‌دهی")).statusCode(200).body("status", is("REFERRED"))
                .body("referral.referredTo", is("SCIENCE_TECHNOLOGY_PARK"));
        // REFERRED is final
        status(sec, id, "REJECTED").statusCode(409).body("rule", is("Art. 3-6"));

        get(sec, "/api/v1/ideas/" + id + "/history").statusCode(200)
                .body("action", hasItems("SUBMITTED", "STATUS_CHANGED", "REVIEWER_ASSIGNED", "OUTSIDE_EXPERT_ASSIGNED",
                        "REVIEWED", "DECIDED", "REFERRED"))
                .body("find { it.action == 'DECIDED' }.actor", is("wf-decider"));
    }

    @Test
    void reviewerAssignedToTheirOwnOrTeamIdea_isRefused() {
        reviewers.join(P, "own-submitter");
        reviewers.join(P, "own-teammate");
        Map<String, Object> body = idea(P, "بازیافت پلاستیک", "تبدیل پلاستیک به قطعات صنعتی", "PUBLIC");
        body.put("team", List.of(Map.of("userId", "own-teammate", "displayName", "همکار")));
        String id = submitId(member("own-submitter", P), body);
        String sec = secretariat(P);
        status(sec, id, "SCREENING").statusCode(200);
        act(sec, id, "reviewers", Map.of("userId", "own-submitter")).statusCode(422)
                .body("rule", is("Art. 9")).body("type", endsWith("reviewer.own-idea"));
        act(sec, id, "reviewers", Map.of("userId", "own-teammate")).statusCode(422)
                .body("type", endsWith("reviewer.own-idea"));
        // not even as an outside expert
        act(sec, id, "reviewers", Map.of("userId", "own-submitter", "outsideExpert", true, "displayName", "x",
                "expertise", "y")).statusCode(422).body("type", endsWith("reviewer.own-idea"));
    }

    @Test
    void fourEyes_staffDoNotScreenOrDecideTheirOwnIdea() {
        String staff = secretariatAs("staff-with-idea", P);
        String id = submitId(staff, idea(P, "سامانهٔ نوبت‌دهی", "نوبت‌دهی برخط ادارات", "PUBLIC"));
        status(staff, id, "SCREENING").statusCode(403).body("type", endsWith("four-eyes.own-idea"));
        status(secretariat(P), id, "SCREENING").statusCode(200);
    }

    @Test
    void needsRevision_ownerRevises_andTheIdeaIsSubmittedAgain() {
        String owner = applicant("rev-owner");
        String id = submitId(owner, idea(P, "آموزش برنامه‌نویسی کودکان", "دوره‌های بازی‌محور", "PUBLIC"));
        String sec = secretariat(P);
        status(sec, id, "SCREENING").statusCode(200);
        status(sec, id, "NEEDS_REVISION").statusCode(200).body("decision.outcome", is("NEEDS_REVISION"));
        Map<String, Object> revised = idea(P, "آموزش برنامه‌نویسی کودکان", "دوره‌های بازی‌محور با مربیان محلی", "PUBLIC");
        given().auth().oauth2(owner).header("If-Match", etag(owner, id)).contentType("application/json").body(revised)
                .put("/api/v1/ideas/" + id).then().statusCode(200).body("status", is("SUBMITTED"))
                .body("summary", is("دوره‌های بازی‌محور با مربیان محلی"));
        // someone else cannot revise it
        given().auth().oauth2(applicant("rev-other")).header("If-Match", etag(owner, id)).contentType("application/json")
                .body(revised).put("/api/v1/ideas/" + id).then().statusCode(403);
    }

    @Test
    void anInventionNeedsItsPatentRecord() {
        Map<String, Object> body = idea(P, "شیر آب هوشمند", "شیری که نشتی را می‌بندد", "PUBLIC");
        body.put("kind", "INVENTION");
        submit(applicant("inv"), body).statusCode(400).body("violations.field", hasItem("patent"));
        body.put("patent", Map.of("registrationNumber", "۱۲۳۴۵", "office", "ادارهٔ ثبت اختراع", "date", "2026-03-01"));
        submit(applicant("inv"), body).statusCode(201).body("patent.registrationNumber", is("12345"))
                .body("patent.dateJalali", is("1404-12-10"));
    }
}

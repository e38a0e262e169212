package ir.kanoon.ideabank.events;

import com.fasterxml.jackson.databind.JsonNode;
import ir.kanoon.ideabank.support.Reviewers;
import ir.kanoon.platform.testing.AsyncApiDocument;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TopicReader;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static ir.kanoon.ideabank.support.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The AsyncAPI document against what the service really published on {@code kanoon.ideabank.events}: every
 * event read is documented with its shape and every documented type was read — and no idea text is in them.
 */
@KanoonTest
class AsyncApiTest {

    static final String P = "IR-17";

    @Inject
    Reviewers reviewers;

    @Test
    void everyEventReallyEmittedIsDocumented_andEveryDocumentedTypeIsEmitted_withoutConfidentialText() {
        String sec = secretariat(P);
        reviewers.join(P, "aa-reviewer");
        String id = submitId(applicant("aa-owner"), idea(P, "رازِ محرمانهٔ اختراع", "خلاصهٔ محرمانه", "REVIEWERS"));
        status(sec, id, "SCREENING").statusCode(200);
        act(sec, id, "reviewers", Map.of("userId", "aa-reviewer")).statusCode(201);
        status(sec, id, "UNDER_EVALUATION").statusCode(200);
        review(applicant("aa-reviewer"), id, scores(7, 7, 7, 7, 7)).statusCode(200);
        status(sec, id, "ACCEPTED").statusCode(200);
        act(sec, id, "referral", Map.of("referredTo", "INCUBATOR", "organisation", "مرکز رشد", "reason", "r")).statusCode(200);
        String dup = submitId(applicant("aa-other"), idea(P, "رازِ محرمانهٔ اختراع", "خلاصهٔ محرمانه", "REVIEWERS"));
        act(sec, dup, "merge", Map.of("originalId", id, "reason", "تکراری")).statusCode(200);
        String author = member("aa-author", P);
        String exp = io.restassured.RestAssured.given().auth().oauth2(author).contentType("application/json")
                .body(Map.of("memberId", java.util.UUID.randomUUID().toString(), "province", P, "title", "تجربه",
                        "story", "داستان محرمانه‌نیست", "lessons", "درس", "sector", "INDUSTRY"))
                .post("/api/v1/experiences").then().statusCode(201).extract().path("id");
        experienceAct(author, exp, "submit", null);
        experienceAct(sec, exp, "review", Map.of("decision", "PUBLISHED", "note", "خوب"));

        List<JsonNode> emitted = TopicReader.readUntil(IdeabankEvents.TOPIC, Duration.ofSeconds(30),
                seen -> TopicReader.types(TopicReader.about(seen, dup)).contains("ir.kanoon.ideabank.idea.merged.v1")
                        && TopicReader.types(TopicReader.about(seen, id)).contains("ir.kanoon.ideabank.idea.referred.v1")
                        && !TopicReader.about(seen, exp).isEmpty());
        List<JsonNode> ours = new ArrayList<>(TopicReader.about(emitted, id));
        ours.addAll(TopicReader.about(emitted, dup));
        ours.addAll(TopicReader.about(emitted, exp));
        AsyncApiDocument document = AsyncApiDocument.load();
        document.assertDocuments(ours);
        document.assertEveryTypeWasEmitted(ours);
        for (JsonNode event : ours) {
            assertFalse(event.toString().contains("محرمانه"), "idea text leaked into " + event);
        }
    }

    static void experienceAct(String token, String id, String action, Object body) {
        String etag = io.restassured.RestAssured.given().auth().oauth2(token).get("/api/v1/experiences/" + id).then()
                .statusCode(200).extract().header("ETag");
        var req = io.restassured.RestAssured.given().auth().oauth2(token).header("If-Match", etag).contentType("application/json");
        (body == null ? req : req.body(body)).post("/api/v1/experiences/" + id + "/" + action).then().statusCode(200);
    }
}

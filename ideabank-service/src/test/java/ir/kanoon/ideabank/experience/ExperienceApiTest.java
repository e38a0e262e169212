package ir.kanoon.ideabank.experience;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static ir.kanoon.ideabank.support.Fixtures.*;
import static org.hamcrest.Matchers.*;

/** Experiences of top entrepreneurs (Art. 3-8): DRAFT → IN_REVIEW → PUBLISHED | RETURNED by the secretariat. */
@KanoonTest
class ExperienceApiTest {

    static final String P = "IR-22";

    static Map<String, Object> story(String title) {
        Map<String, Object> b = new HashMap<>();
        b.put("memberId", UUID.randomUUID().toString());
        b.put("province", P);
        b.put("title", title);
        b.put("story", "از یک کارگاه کوچك شروع كردم");
        b.put("lessons", "صبر و کیفیت");
        b.put("sector", "INDUSTRY");
        b.put("tags", List.of("صادرات"));
        b.put("mediaLinks", List.of("https://example.ir/video"));
        return b;
    }

    static String etag(String token, String id) {
        return get(token, "/api/v1/experiences/" + id).statusCode(200).extract().header("ETag");
    }

    static ValidatableResponse post(String token, String id, String action, Object body) {
        var req = given().auth().oauth2(token).header("If-Match", etag(token, id)).contentType(ContentType.JSON);
        return (body == null ? req : req.body(body)).post("/api/v1/experiences/" + id + "/" + action).then();
    }

    @Test
    void r13_draftReviewPublish_bySecretariatNotTheAuthor_thenSearchable() {
        String author = member("exp-author", P);
        String id = given().auth().oauth2(author).contentType(ContentType.JSON).body(story("از کارگاه تا صادرات"))
                .post("/api/v1/experiences").then().statusCode(201).body("status", is("DRAFT"))
                .body("story", is("از یک کارگاه کوچک شروع کردم")).extract().path("id");
        // drafts are private to the author and the province's staff
        get(member("exp-reader", "IR-23"), "/api/v1/experiences/" + id).statusCode(404);
        post(author, id, "review", Map.of("decision", "PUBLISHED", "note", "x")).statusCode(403);
        post(author, id, "submit", null).statusCode(200).body("status", is("IN_REVIEW"));
        given().auth().oauth2(secretariat("IR-23")).header("If-Match", etag(author, id)).contentType(ContentType.JSON)
                .body(Map.of("decision", "PUBLISHED", "note", "x")).post("/api/v1/experiences/" + id + "/review").then()
                .statusCode(404);
        post(secretariat(P), id, "review", Map.of("decision", "RETURNED", "note", "عکس اضافه کنید")).statusCode(200)
                .body("status", is("RETURNED")).body("reviewNote", is("عکس اضافه کنید"));
        Map<String, Object> edited = story("از کارگاه تا صادرات");
        edited.put("lessons", "صبر، کیفیت و بازار");
        given().auth().oauth2(author).header("If-Match", etag(author, id)).contentType(ContentType.JSON).body(edited)
                .put("/api/v1/experiences/" + id).then().statusCode(200);
        post(author, id, "submit", null).statusCode(200);
        post(TestTokens.ministryAnalyst(), id, "review", Map.of("decision", "PUBLISHED", "note", "x")).statusCode(403);
        post(secretariat(P), id, "review", Map.of("decision", "PUBLISHED", "note", "خوب")).statusCode(200)
                .body("status", is("PUBLISHED")).body("publishedOnJalali", notNullValue());
        post(secretariat(P), id, "review", Map.of("decision", "RETURNED", "note", "x")).statusCode(409).body("rule", is("Art. 3-8"));
        // published: everyone signed in reads it; search is Persian-folded
        get(member("exp-reader", "IR-23"), "/api/v1/experiences/" + id).statusCode(200);
        get(applicant("exp-lay"), "/api/v1/experiences?q=كارگاه").statusCode(200).body("items.id", hasItem(id));
        get(secretariat(P), "/api/v1/experiences/" + id + "/history").statusCode(200)
                .body("action", hasItems("CREATED", "SUBMITTED_FOR_REVIEW", "RETURNED", "PUBLISHED"));
    }

    @Test
    void secretariatWritesForAMember_butDoesNotPublishWhatTheyWrote() {
        String writer = secretariatAs("exp-sec-writer", P);
        String id = given().auth().oauth2(writer).contentType(ContentType.JSON).body(story("تجربهٔ ثبت‌شده"))
                .post("/api/v1/experiences").then().statusCode(201).extract().path("id");
        post(writer, id, "submit", null).statusCode(200);
        post(writer, id, "review", Map.of("decision", "PUBLISHED", "note", "x")).statusCode(403)
                .body("type", endsWith("experience.own"));
        post(secretariat(P), id, "review", Map.of("decision", "PUBLISHED", "note", "x")).statusCode(200);
        // another province's staff cannot write for this province
        given().auth().oauth2(secretariat("IR-23")).contentType(ContentType.JSON).body(story("x"))
                .post("/api/v1/experiences").then().statusCode(403);
    }
}

package ir.kanoon.ideabank.comment;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import ir.kanoon.platform.testing.KanoonTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static ir.kanoon.ideabank.support.Fixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Comments and endorsements by members on PUBLIC and MEMBERS ideas only. */
@KanoonTest
class CommentApiTest {

    static final String P = "IR-20";

    static ValidatableResponse comment(String token, String id, String text) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("text", text))
                .post("/api/v1/ideas/" + id + "/comments").then();
    }

    static ValidatableResponse endorse(String token, String id) {
        return given().auth().oauth2(token).post("/api/v1/ideas/" + id + "/endorsements").then();
    }

    @Test
    void membersComment_onPublicAndOwnAssociationsMembersIdeas_notOnReviewersIdeas() {
        String pub = submitId(applicant("c-owner"), idea(P, "ایدهٔ عمومی", "خلاصه", "PUBLIC"));
        String mem = submitId(applicant("c-owner"), idea(P, "ایدهٔ اعضا", "خلاصه", "MEMBERS"));
        String rev = submitId(applicant("c-owner"), idea(P, "ایدهٔ محرمانه", "خلاصه", "REVIEWERS"));
        comment(member("c-far", "IR-21"), pub, "عالی است").statusCode(201).body("text", is("عالی است"));
        comment(member("c-far", "IR-21"), mem, "x").statusCode(403);
        comment(member("c-near", P), mem, "خوب").statusCode(201);
        comment(member("c-near", P), rev, "x").statusCode(404);
        comment(applicant("c-lay"), pub, "x").statusCode(403);
        get(secretariat(P), "/api/v1/ideas/" + rev + "/comments").statusCode(409).body("rule", is("Art. 3-6"));
        get(applicant("c-lay"), "/api/v1/ideas/" + pub + "/comments").statusCode(200).body("items.text", contains("عالی است"));
        get(member("c-far", "IR-21"), "/api/v1/ideas/" + mem + "/comments").statusCode(403);
    }

    @Test
    void endorsements_oncePerMember_evenAtOnce_andNotOnesOwn() throws Exception {
        String id = submitId(member("e-owner", P), idea(P, "ایدهٔ حمایت", "خلاصه", "PUBLIC"));
        endorse(member("e-owner", P), id).statusCode(403);
        String token = member("e-fan", P);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> codes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            codes.add(pool.submit(() -> {
                start.await();
                return endorse(token, id).extract().statusCode();
            }));
        }
        start.countDown();
        int ok = 0;
        for (Future<Integer> f : codes) {
            int c = f.get();
            ok += c == 200 ? 1 : 0;
            assertEquals(true, c == 200 || c == 409, "unexpected " + c);
        }
        pool.shutdown();
        assertEquals(1, ok);
        get(token, "/api/v1/ideas/" + id + "/endorsements").statusCode(200).body("count", is(1)).body("endorsedByMe", is(true));
    }
}

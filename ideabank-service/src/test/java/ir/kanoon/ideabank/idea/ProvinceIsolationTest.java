package ir.kanoon.ideabank.idea;

import io.restassured.http.ContentType;
import ir.kanoon.ideabank.support.Reviewers;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static ir.kanoon.ideabank.support.Fixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Attacks: another province's staff, read-only roles, stale versions, concurrent acts, replays. */
@KanoonTest
class ProvinceIsolationTest {

    static final String P = "IR-12";

    @Inject
    Reviewers reviewers;

    @Test
    void r13_managementActsAreTheProvincesSecretariats_anotherProvinceGets403() {
        String id = submitId(applicant("iso-owner"), idea(P, "گردشگری کویر", "اقامتگاه بوم‌گردی", "PUBLIC"));
        status(secretariat("IR-13"), id, "SCREENING").statusCode(403).body("type", endsWith("forbidden-province"));
        act(secretariat("IR-13"), id, "merge", Map.of("originalId", id, "reason", "x")).statusCode(400);
        // a member, an applicant, a planning deputy: no management role at all
        status(member("iso-member", P), id, "SCREENING").statusCode(403);
        status(TestTokens.planningDeputy(P), id, "SCREENING").statusCode(403);
        // read-only roles never write, even nationally
        status(TestTokens.ministryAnalyst(), id, "SCREENING").statusCode(403);
        submit(TestTokens.ministryAnalyst(), idea(P, "x", "y", "PUBLIC")).statusCode(403);
        // ministry-admin may
        status(TestTokens.ministryAdmin(), id, "SCREENING").statusCode(200);
    }

    @Test
    void ifMatch_missingIs428_staleIs412() {
        String sec = secretariat(P);
        String id = submitId(applicant("etag-owner"), idea(P, "نمک دریا", "استخراج نمک", "PUBLIC"));
        given().auth().oauth2(sec).contentType(ContentType.JSON).body(Map.of("to", "SCREENING", "reason", "r"))
                .post("/api/v1/ideas/" + id + "/status").then().statusCode(428);
        given().auth().oauth2(sec).header("If-Match", "\"99\"").contentType(ContentType.JSON)
                .body(Map.of("to", "SCREENING", "reason", "r")).post("/api/v1/ideas/" + id + "/status").then()
                .statusCode(412);
        given().auth().oauth2(sec).header("If-Match", "W/\"0\"").contentType(ContentType.JSON)
                .body(Map.of("to", "SCREENING", "reason", "r")).post("/api/v1/ideas/" + id + "/status").then()
                .statusCode(412);
    }

    @Test
    void idempotencyKey_replayCreatesNothingNew() {
        String token = applicant("idem-owner");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = idea(P, "یک ایده", "یک بار", "PUBLIC");
        String first = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/ideas").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/ideas").then().statusCode(201).header("Idempotency-Replayed", "true").body("id", is(first));
    }

    @Test
    void twoDecisionsAtOnce_exactlyOneWins() throws Exception {
        String sec = secretariat(P);
        reviewers.join(P, "race-reviewer");
        String id = submitId(applicant("race-owner"), idea(P, "دوچرخهٔ اشتراکی", "ایستگاه‌های دوچرخه", "PUBLIC"));
        status(sec, id, "SCREENING").statusCode(200);
        act(sec, id, "reviewers", Map.of("userId", "race-reviewer")).statusCode(201);
        status(sec, id, "UNDER_EVALUATION").statusCode(200);
        review(applicant("race-reviewer"), id, scores(5, 5, 5, 5, 5)).statusCode(200);
        String etag = etag(sec, id);
        int n = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String to = i % 2 == 0 ? "ACCEPTED" : "REJECTED";
            results.add(pool.submit(() -> {
                start.await();
                return given().auth().oauth2(secretariatAs("racer-" + to, P)).header("If-Match", etag)
                        .contentType(ContentType.JSON).body(Map.of("to", to, "reason", "race"))
                        .post("/api/v1/ideas/" + id + "/status").then().extract().statusCode();
            }));
        }
        start.countDown();
        int ok = 0;
        for (Future<Integer> f : results) {
            int code = f.get();
            if (code == 200) {
                ok++;
            } else {
                assertEquals(true, code == 412 || code == 409, "unexpected " + code);
            }
        }
        pool.shutdown();
        assertEquals(1, ok);
        get(sec, "/api/v1/ideas/" + id + "/history").statusCode(200).body("findAll { it.action == 'DECIDED' }.size()", is(1));
    }

    @Test
    void oneReviewerAssignedTwiceAtOnce_exactlyOneAssignment() throws Exception {
        String sec = secretariat(P);
        reviewers.join(P, "twice-reviewer");
        String id = submitId(applicant("twice-owner"), idea(P, "قارچ خوراکی", "پرورش قارچ در خانه", "PUBLIC"));
        status(sec, id, "SCREENING").statusCode(200);
        String etag = etag(sec, id);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return given().auth().oauth2(sec).header("If-Match", etag).contentType(ContentType.JSON)
                        .body(Map.of("userId", "twice-reviewer")).post("/api/v1/ideas/" + id + "/reviewers").then()
                        .extract().statusCode();
            }));
        }
        start.countDown();
        int created = 0;
        for (Future<Integer> f : results) {
            created += f.get() == 201 ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, created);
        get(sec, "/api/v1/ideas/" + id).statusCode(200).body("evaluation.reviewersAssigned", is(1));
    }
}

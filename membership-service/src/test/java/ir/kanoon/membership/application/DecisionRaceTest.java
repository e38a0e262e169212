package ir.kanoon.membership.application;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static ir.kanoon.membership.support.Fixtures.entrepreneur;
import static ir.kanoon.membership.support.Fixtures.nationalId;
import static ir.kanoon.membership.support.Fixtures.post;
import static ir.kanoon.membership.support.Fixtures.secretariat;
import static ir.kanoon.membership.support.Fixtures.submitAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, Concurrency: staff deciding one application at the same moment (Art. 7 — a decision is made once):
 * exactly one decision wins; every other gets 409 (the state moved on) or 412 (its If-Match is stale), and the
 * application's history holds one decision.
 */
@KanoonTest
class DecisionRaceTest {

    @Test
    void parallelDecisionsOnOneApplication_oneWins_theOthersGet409or412() throws Exception {
        String province = "IR-08";
        String id = submitAs("race-decision-" + System.nanoTime(), entrepreneur(province, nationalId()))
                .statusCode(201).extract().path("id");
        post(secretariat(province), "/api/v1/applications/" + id + "/review", null).statusCode(200);
        String etag = given().auth().oauth2(secretariat(province)).get("/api/v1/applications/" + id).then()
                .statusCode(200).extract().header("ETag");

        int n = 8;
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<ExtractableResponse<Response>>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                // different deciders (secretariat staff and the labour DG), half approving, half rejecting
                String token = i % 2 == 0 ? TestTokens.user("sec-race-" + i).roles("secretariat").province(province).sign()
                        : TestTokens.labourDg(province);
                Map<String, Object> body = i % 2 == 0
                        ? Map.of("decision", "APPROVED", "resolutionRef", "HT-1405-r" + i, "reason", "واجد شرایط")
                        : Map.of("decision", "REJECTED", "resolutionRef", "HT-1405-r" + i, "reason", "ناقص");
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return given().auth().oauth2(token).contentType("application/json").header("If-Match", etag)
                            .body(body).post("/api/v1/applications/" + id + "/decision").then().extract();
                }));
            }
            List<Integer> codes = new ArrayList<>();
            for (var f : futures) {
                var r = f.get(120, TimeUnit.SECONDS);
                codes.add(r.statusCode());
                if (r.statusCode() != 200) {
                    assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
                }
            }
            assertEquals(1, codes.stream().filter(c -> c == 200).count(), codes::toString);
            assertEquals(n - 1, codes.stream().filter(c -> c == 409 || c == 412).count(), codes::toString);
        } finally {
            pool.shutdownNow();
        }
        List<String> decided = given().auth().oauth2(TestTokens.ministryAdmin())
                .get("/api/v1/applications/" + id + "/history").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.action.startsWith('DECIDED_') }.action");
        assertEquals(1, decided.size(), decided::toString);
    }
}

package ir.kanoon.workgroup.meeting;

import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import ir.kanoon.workgroup.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two records of one meeting at once; an Idempotency-Key replay schedules nothing new. */
@KanoonTest
class MeetingRaceTest {

    static final String P = "IR-16";

    @Test
    void twoRecordsOfOneMeetingAtOnce_exactlyOneWins_oneMeetingHeldEvent() throws Exception {
        String sec = TestTokens.secretariat(P);
        UUID t = Fixtures.trustee(P, "t-" + UUID.randomUUID());
        String id = Fixtures.schedule(sec, Fixtures.meeting(P, "BOARD_OF_TRUSTEES", Instant.now().minus(Duration.ofHours(1))))
                .statusCode(201).extract().path("id");
        String path = "/api/v1/meetings/" + id;
        String etag = Fixtures.etag(sec, path);
        int n = 5;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return given().auth().oauth2(sec).header("If-Match", etag).contentType("application/json")
                        .body(Map.of("present", List.of(t.toString()))).post(path + "/held").statusCode();
            }));
        }
        go.countDown();
        int won = 0;
        for (Future<Integer> f : results) {
            int s = f.get();
            if (s == 200) {
                won++;
            } else {
                assertTrue(s == 409 || s == 412, "loser got " + s);
            }
        }
        pool.shutdown();
        assertEquals(1, won);
        given().auth().oauth2(sec).get(path + "/attendance").then().statusCode(200)
                .body("size()", equalTo(1));
    }

    @Test
    void idempotencyKeyReplay_returnsTheFirstMeeting_andSchedulesNothingNew() {
        String sec = TestTokens.secretariat(P);
        String key = UUID.randomUUID().toString();
        Map<String, Object> m = Fixtures.meeting(P, "ASSOCIATION", Instant.now().plus(Duration.ofDays(5)));
        String first = given().auth().oauth2(sec).header("Idempotency-Key", key).contentType("application/json").body(m)
                .post("/api/v1/meetings").then().statusCode(201).extract().path("id");
        given().auth().oauth2(sec).header("Idempotency-Key", key).contentType("application/json").body(m)
                .post("/api/v1/meetings").then().statusCode(201).header("Idempotency-Replayed", "true")
                .body("id", equalTo(first));
        given().auth().oauth2(sec).get("/api/v1/meetings?body=ASSOCIATION&province=" + P).then().statusCode(200)
                .body("items.size()", equalTo(1));
    }
}

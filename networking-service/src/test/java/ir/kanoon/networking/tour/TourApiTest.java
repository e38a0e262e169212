package ir.kanoon.networking.tour;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import ir.kanoon.networking.support.Members;
import ir.kanoon.networking.support.Members.M;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusMock;
import ir.kanoon.platform.jalali.TehranClock;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static ir.kanoon.networking.support.Api.act;
import static ir.kanoon.networking.support.Api.get;
import static ir.kanoon.networking.support.Api.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tours (Art. 3-9): capacity, waitlist, promotion, window, eligibility, province isolation — on the real database. */
@KanoonTest
class TourApiTest {

    static final String HOST = "IR-03";

    static Map<String, Object> tourBody(String province, int capacity, String eligibility, LocalDate startsOn,
                                        Instant opens, Instant closes) {
        Map<String, Object> b = new HashMap<>();
        b.put("hostProvince", province);
        b.put("title", "بازديد از شهرك صنعتي");
        b.put("description", "تور دستاوردهای کارآفرینی");
        b.put("itinerary", List.of(Map.of("day", 1, "city", "تبریز", "site", "شهرک صنعتی", "enterprise", "کارخانهٔ نمونه"),
                Map.of("day", 2, "city", "مراغه", "site", "پارک علم و فناوری")));
        b.put("startsOn", startsOn.toString());
        b.put("endsOn", startsOn.plusDays(1).toString());
        b.put("capacity", capacity);
        b.put("registrationOpens", opens.toString());
        b.put("registrationCloses", closes.toString());
        b.put("eligibility", eligibility);
        return b;
    }

    /** A published tour whose registration is open now. */
    static String openTour(String province, int capacity, String eligibility) {
        Instant now = Instant.now();
        String sec = TestTokens.secretariat(province);
        String id = post(sec, "/api/v1/tours", tourBody(province, capacity, eligibility, ir.kanoon.platform.jalali.TehranTime.today().plusDays(30),
                now.minus(1, ChronoUnit.HOURS), now.plus(10, ChronoUnit.DAYS))).statusCode(201)
                .body("status", equalTo("DRAFT")).body("startsOnJalali", notNullValue())
                .body("title", equalTo("بازدید از شهرک صنعتی")).extract().path("id");
        act(sec, "/api/v1/tours/" + id, "publish", null).statusCode(200).body("status", equalTo("PUBLISHED"));
        return id;
    }

    static ExtractableResponse<Response> register(M m, String tourId) {
        return given().auth().oauth2(m.token()).header("Accept-Language", "en").contentType("application/json")
                .post("/api/v1/tours/" + tourId + "/registrations").then().extract();
    }

    @Test
    void twoHundredConcurrentRegistrationsForFiftySeats_exactlyFiftyConfirmed_restWaitlistedInOrder() throws Exception {
        String tour = openTour(HOST, 50, "HOST_PROVINCE");
        List<M> members = Members.many(200, HOST);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(200);
        Map<String, Integer> statusByCode = new ConcurrentHashMap<>();
        List<Future<ExtractableResponse<Response>>> futures = new ArrayList<>();
        for (M m : members) {
            futures.add(pool.submit(() -> {
                start.await();
                return register(m, tour);
            }));
        }
        start.countDown();
        int confirmed = 0;
        int waitlisted = 0;
        for (Future<ExtractableResponse<Response>> f : futures) {
            ExtractableResponse<Response> r = f.get(120, TimeUnit.SECONDS);
            assertEquals(201, r.statusCode(), r.asString());
            String status = r.path("status");
            if ("CONFIRMED".equals(status)) {
                confirmed++;
            } else if ("WAITLISTED".equals(status)) {
                waitlisted++;
            }
        }
        pool.shutdown();
        assertEquals(50, confirmed);
        assertEquals(150, waitlisted);
        get(TestTokens.secretariat(HOST), "/api/v1/tours/" + tour).statusCode(200)
                .body("confirmed", equalTo(50)).body("seatsLeft", equalTo(0));

        // waitlist positions 1..150 in arrival order, and the listing agrees with the counts
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            var page = get(TestTokens.secretariat(HOST), "/api/v1/tours/" + tour + "/registrations?limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor)).statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(200, all.size());
        List<Integer> positions = all.stream().filter(r -> "WAITLISTED".equals(r.get("status")))
                .map(r -> (Integer) r.get("waitlistPosition")).toList();
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            expected.add(i);
        }
        assertEquals(expected, positions, "the waitlist is in arrival order");
        assertEquals(50, all.stream().filter(r -> "CONFIRMED".equals(r.get("status"))).count());
    }

    @Test
    void cancellationPromotesTheFirstWaiting() {
        String tour = openTour(HOST, 2, "HOST_PROVINCE");
        List<M> m = Members.many(4, HOST);
        String first = register(m.get(0), tour).path("id");
        register(m.get(1), tour);
        String third = register(m.get(2), tour).path("id");
        String fourth = register(m.get(3), tour).path("id");
        String base = "/api/v1/tours/" + tour + "/registrations/";
        get(m.get(2).token(), base + third).statusCode(200).body("status", equalTo("WAITLISTED"))
                .body("waitlistPosition", equalTo(1));
        get(m.get(3).token(), base + fourth).statusCode(200).body("waitlistPosition", equalTo(2));

        // someone else cannot cancel my registration (and cannot even see it)
        get(m.get(1).token(), base + first).statusCode(404);
        // without If-Match: 428
        given().auth().oauth2(m.get(0).token()).post(base + first + "/cancel").then().statusCode(428);
        act(m.get(0).token(), base + first, "cancel", null).statusCode(200).body("status", equalTo("CANCELLED"));

        get(m.get(2).token(), base + third).statusCode(200).body("status", equalTo("CONFIRMED"));
        get(m.get(3).token(), base + fourth).statusCode(200).body("status", equalTo("WAITLISTED"))
                .body("waitlistPosition", equalTo(1));
        get(TestTokens.secretariat(HOST), "/api/v1/tours/" + tour).body("confirmed", equalTo(2));
        // cancelling a waitlisted registration frees no seat
        act(m.get(3).token(), base + fourth, "cancel", null).statusCode(200);
        get(TestTokens.secretariat(HOST), "/api/v1/tours/" + tour).body("confirmed", equalTo(2));
        // a second registration of the same member while one is live is refused
        assertEquals(409, register(m.get(1), tour).statusCode());
        // after cancelling, the member may register again (to the back of the line)
        assertEquals("WAITLISTED", register(m.get(0), tour).path("status"));
    }

    @Test
    void eligibility_hostProvinceOnlyOrAllProvinces() {
        String local = openTour(HOST, 5, "HOST_PROVINCE");
        String open = openTour(HOST, 5, "ALL_PROVINCES");
        M outsider = Members.admitted("IR-07", "مهمان تهرانی");
        ExtractableResponse<Response> refused = register(outsider, local);
        assertEquals(422, refused.statusCode());
        assertEquals("Art. 3-9", refused.path("rule"));
        assertEquals(201, register(outsider, open).statusCode());
        // not an active member: no registration
        String stranger = TestTokens.member("no-such-member", HOST);
        given().auth().oauth2(stranger).post("/api/v1/tours/" + open + "/registrations").then().statusCode(403);
    }

    @Test
    void registrationWindow_beforeAndAfterAreRefused() {
        String sec = TestTokens.secretariat(HOST);
        Instant now = Instant.now();
        String future = post(sec, "/api/v1/tours", tourBody(HOST, 5, "HOST_PROVINCE", ir.kanoon.platform.jalali.TehranTime.today().plusDays(40),
                now.plus(1, ChronoUnit.DAYS), now.plus(5, ChronoUnit.DAYS))).statusCode(201).extract().path("id");
        act(sec, "/api/v1/tours/" + future, "publish", null).statusCode(200);
        M m = Members.admitted(HOST, "زودرس");
        ExtractableResponse<Response> early = register(m, future);
        assertEquals(422, early.statusCode());
        assertEquals("/problems/tour.registration-not-open", early.path("type"));

        String past = post(sec, "/api/v1/tours", tourBody(HOST, 5, "HOST_PROVINCE", ir.kanoon.platform.jalali.TehranTime.today().plusDays(40),
                now.minus(5, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS))).statusCode(201).extract().path("id");
        act(sec, "/api/v1/tours/" + past, "publish", null).statusCode(200);
        assertEquals("/problems/tour.registration-closed", register(m, past).path("type"));
        // a draft is not open for registration (and not visible to members)
        String draft = post(sec, "/api/v1/tours", tourBody(HOST, 5, "HOST_PROVINCE", ir.kanoon.platform.jalali.TehranTime.today().plusDays(40),
                now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS))).statusCode(201).extract().path("id");
        assertEquals(404, register(m, draft).statusCode());
        get(m.token(), "/api/v1/tours/" + draft).statusCode(404);
    }

    @Test
    void planValidation_windowAfterStartAndEndBeforeStartAreNamed() {
        Instant now = Instant.now();
        Map<String, Object> body = tourBody(HOST, 5, "HOST_PROVINCE", ir.kanoon.platform.jalali.TehranTime.today().plusDays(2),
                now, now.plus(30, ChronoUnit.DAYS));
        body.put("endsOn", ir.kanoon.platform.jalali.TehranTime.today().toString());
        post(TestTokens.secretariat(HOST), "/api/v1/tours", body).statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItems("endsOn", "registrationCloses"));
    }

    @Test
    void provinceIsolation_anotherProvincesStaffAndReadOnlyRolesCannotManage() {
        Instant now = Instant.now();
        Map<String, Object> body = tourBody(HOST, 5, "HOST_PROVINCE", ir.kanoon.platform.jalali.TehranTime.today().plusDays(30),
                now, now.plus(3, ChronoUnit.DAYS));
        post(TestTokens.secretariat("IR-07"), "/api/v1/tours", body).statusCode(403)
                .body("type", equalTo("/problems/forbidden-province"));
        post(TestTokens.ministryAnalyst(), "/api/v1/tours", body).statusCode(403);
        post(TestTokens.member("some-member", HOST), "/api/v1/tours", body).statusCode(403);
        String tour = post(TestTokens.secretariat(HOST), "/api/v1/tours", body).statusCode(201).extract().path("id");
        String path = "/api/v1/tours/" + tour;
        act(TestTokens.secretariat(HOST), TestTokens.secretariat("IR-07"), path, "publish", null).statusCode(403);
        act(TestTokens.ministryAdmin(), TestTokens.ministryAnalyst(), path, "publish", null).statusCode(403);
        // stale ETag: 412
        given().auth().oauth2(TestTokens.secretariat(HOST)).header("If-Match", "\"99\"").post(path + "/publish")
                .then().statusCode(412);
        act(TestTokens.secretariat(HOST), path, "publish", null).statusCode(200);
        get(TestTokens.secretariat("IR-07"), path + "/history").statusCode(403);
        get(TestTokens.secretariat(HOST), path + "/history").statusCode(200)
                .body("action", org.hamcrest.Matchers.hasItems("CREATED", "PUBLISHED"));
    }

    @Test
    void attendanceAfterTheTourCompletesIt() {
        String sec = TestTokens.secretariat(HOST);
        Instant now = Instant.now();
        String tour = post(sec, "/api/v1/tours", tourBody(HOST, 3, "HOST_PROVINCE", ir.kanoon.platform.jalali.TehranTime.today().plusDays(1),
                now.minus(1, ChronoUnit.HOURS), now.plus(2, ChronoUnit.HOURS))).statusCode(201).extract().path("id");
        act(sec, "/api/v1/tours/" + tour, "publish", null).statusCode(200);
        List<M> m = Members.many(2, HOST);
        String a = register(m.get(0), tour).path("id");
        register(m.get(1), tour);
        // not begun yet (starts tomorrow, Tehran time)
        act(sec, "/api/v1/tours/" + tour, "complete", Map.of("attended", List.of(a))).statusCode(422)
                .body("rule", equalTo("Art. 3-9"));
        // two days later (Tehran): attendance is recorded and the tour completed
        java.time.Clock later = java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofDays(2));
        QuarkusMock.installMockForType(new TehranClock() {
            @Override
            public java.time.Clock clock() {
                return later;
            }
        }, TehranClock.class);
        act(sec, "/api/v1/tours/" + tour, "complete", Map.of("attended", List.of(UUID.randomUUID().toString())))
                .statusCode(400).body("violations[0].field", equalTo("attended"));
        act(sec, "/api/v1/tours/" + tour, "complete", Map.of("attended", List.of(a))).statusCode(200)
                .body("status", equalTo("COMPLETED"));
        get(m.get(0).token(), "/api/v1/tours/" + tour + "/registrations/" + a).body("attended", equalTo(true));
    }
}

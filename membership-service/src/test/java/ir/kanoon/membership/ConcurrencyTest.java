package ir.kanoon.membership;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import ir.kanoon.membership.member.MembershipNumbers;
import ir.kanoon.platform.jalali.TehranClock;
import ir.kanoon.platform.testing.KanoonTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static ir.kanoon.membership.support.Fixtures.admit;
import static ir.kanoon.membership.support.Fixtures.entrepreneur;
import static ir.kanoon.membership.support.Fixtures.nationalId;
import static ir.kanoon.membership.support.Fixtures.person;
import static ir.kanoon.membership.support.Fixtures.postCurrent;
import static ir.kanoon.membership.support.Fixtures.secretariat;
import static ir.kanoon.membership.support.Fixtures.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The races a busy Association meets: one person applying many times at once (the one-person rule, Art. 4),
 * many admissions in one province at once, and the turn of the Jalali year (membership numbers, Art. 7).
 * Every request of a race starts at one barrier, so they really overlap.
 */
@KanoonTest
class ConcurrencyTest {

    private static final int THREADS = 8;

    @Inject
    MembershipNumbers numbers;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    private static <T> List<T> race(int n, java.util.function.IntFunction<T> request) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit((Callable<T>) () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return request.apply(k);
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onePerson_concurrentSubmissionsWithOneNationalId_exactlyOneWins_theRestAre409NamingTheRule() throws Exception {
        String nid = nationalId();
        String[] provinces = {"IR-07", "IR-04", "IR-14", "IR-08"};
        List<ExtractableResponse<Response>> answers = race(THREADS, i ->
                submit(person("racer-" + nid + "-" + i, nid), entrepreneur(provinces[i % provinces.length], nid))
                        .extract());
        List<Integer> statuses = answers.stream().map(ExtractableResponse::statusCode).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses " + statuses);
        for (ExtractableResponse<Response> a : answers) {
            if (a.statusCode() != 201) {
                assertEquals(409, a.statusCode(), a.asString());
                assertTrue(a.jsonPath().getString("type").startsWith("/problems/person."), a.asString());
            }
        }
        // and the database holds exactly one open application of that person
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(
                "SELECT count(*) FROM application WHERE national_id = ? AND status IN ('SUBMITTED', 'UNDER_REVIEW', 'NEEDS_INFO')")) {
            ps.setString(1, nid);
            try (var rs = ps.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    @Test
    void membershipNumbers_concurrentAdmissionsInOneProvince_areUniqueAndGapFree() throws Exception {
        String province = "IR-30";
        String sec = secretariat(province);
        List<String> applications = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String nid = nationalId();
            String id = submit(person("admit-race-" + nid, nid), entrepreneur(province, nid)).statusCode(201)
                    .extract().path("id");
            postCurrent(sec, "/api/v1/applications/" + id, "review", null).statusCode(200);
            applications.add(id);
        }
        List<ExtractableResponse<Response>> decisions = race(THREADS, i ->
                postCurrent(sec, "/api/v1/applications/" + applications.get(i), "decision",
                        Map.of("decision", "APPROVED", "resolutionRef", "HT-1405-40", "reason", "واجد شرایط"))
                        .extract());
        TreeSet<Integer> sequences = new TreeSet<>();
        String prefix = null;
        for (ExtractableResponse<Response> d : decisions) {
            assertEquals(200, d.statusCode(), d.asString());
            String number = given().auth().oauth2(sec).get("/api/v1/members/" + d.jsonPath().getString("memberId"))
                    .then().statusCode(200).extract().path("membershipNumber");
            // IR-30-<Jalali year>-<sequence>
            String[] parts = number.split("-");
            String p = parts[0] + "-" + parts[1] + "-" + parts[2];
            assertTrue(prefix == null || prefix.equals(p), number + " vs " + prefix);
            prefix = p;
            sequences.add(Integer.parseInt(parts[3]));
        }
        assertEquals(THREADS, sequences.size(), "duplicate numbers: " + sequences);
        assertEquals(THREADS - 1, sequences.last() - sequences.first(), "gap in " + sequences);
        assertEquals(1, sequences.first(), "the province's first admissions this year start at 00001: " + sequences);
    }

    @Test
    void membershipNumbers_restartAtOneInANewJalaliYear_perProvince() {
        // Admission takes the Jalali year of Tehran's today; across Nowruz the sequence starts again.
        List<String> issued = QuarkusTransaction.requiringNew().call(() -> List.of(
                numbers.next("IR-31", 1398), numbers.next("IR-31", 1398), numbers.next("IR-31", 1398),
                numbers.next("IR-31", 1399), numbers.next("IR-32", 1399), numbers.next("IR-31", 1398),
                numbers.next("IR-31", 1399)));
        assertEquals(List.of("IR-31-1398-00001", "IR-31-1398-00002", "IR-31-1398-00003",
                "IR-31-1399-00001", "IR-32-1399-00001", "IR-31-1398-00004", "IR-31-1399-00002"), issued);
    }

    /** The service's clock stopped at {@code instant}, for the rest of the calling test. */
    private static void clockAt(String instant) {
        QuarkusMock.installMockForType(TehranClock.movable().at(Instant.parse(instant)), TehranClock.class);
    }

    @Test
    void membershipNumbers_admissionsAcrossNowruz_takeTheJalaliYearOfTehransDay() {
        // 1404 is not a leap year: 1405-01-01 (Nowruz) is 2026-03-21, which starts in Tehran (UTC+03:30)
        // at 2026-03-20T20:30:00Z.
        String province = "IR-29";
        clockAt("2026-03-20T20:29:59Z");
        String last = admit("nowruz-1-" + nationalId(), entrepreneur(province, nationalId()));
        clockAt("2026-03-20T20:30:00Z");
        String first = admit("nowruz-2-" + nationalId(), entrepreneur(province, nationalId()));
        String second = admit("nowruz-3-" + nationalId(), entrepreneur(province, nationalId()));
        String sec = secretariat(province);
        List<String> issued = new ArrayList<>();
        for (String id : List.of(last, first, second)) {
            issued.add(given().auth().oauth2(sec).get("/api/v1/members/" + id).then().statusCode(200)
                    .extract().path("membershipNumber"));
        }
        assertEquals(List.of("IR-29-1404-00001", "IR-29-1405-00001", "IR-29-1405-00002"), issued);
    }

    @Test
    void membershipNumbers_aRolledBackAdmissionGivesItsNumberBack() {
        String taken = QuarkusTransaction.requiringNew().call(() -> numbers.next("IR-31", 1397));
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                numbers.next("IR-31", 1397);
                throw new IllegalStateException("the admission failed");
            });
        } catch (RuntimeException expected) {
            // rolled back
        }
        String next = QuarkusTransaction.requiringNew().call(() -> numbers.next("IR-31", 1397));
        assertEquals("IR-31-1397-00001", taken);
        assertEquals("IR-31-1397-00002", next);
    }
}

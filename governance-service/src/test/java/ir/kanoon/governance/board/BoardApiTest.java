package ir.kanoon.governance.board;

import io.agroal.api.AgroalDataSource;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static ir.kanoon.governance.support.Gov.appoint;
import static ir.kanoon.governance.support.Gov.base;
import static ir.kanoon.governance.support.Gov.decree;
import static ir.kanoon.governance.support.Gov.etag;
import static ir.kanoon.governance.support.Gov.issueDecree;
import static ir.kanoon.governance.support.Gov.nominate;
import static ir.kanoon.governance.support.Gov.nomination;
import static ir.kanoon.governance.support.Gov.post;
import static ir.kanoon.governance.support.Gov.postIfMatch;
import static ir.kanoon.governance.support.Gov.readyForDecree;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Board through the API on real PostgreSQL and Kafka: R1–R5 with their articles, access, races. */
@KanoonTest
class BoardApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void r1_eachProvinceHasOneBoardWithElevenSeats_createdOnFirstAccess() {
        given().auth().oauth2(TestTokens.secretariat("IR-10")).get("/api/v1/boards/IR-10").then().statusCode(200)
                .body("province", equalTo("IR-10")).body("seatsTotal", equalTo(11)).body("seatsFilled", equalTo(0))
                .body("seats.seat", hasItems("CHAIR", "SECRETARY", "BROADCASTING_HEAD", "EMPLOYERS_SECRETARY",
                        "WORKERS_SECRETARY", "FACULTY", "ENTREPRENEUR_EXPERT"))
                .body("seats.find { it.seat == 'ENTREPRENEUR_EXPERT' }.vacancies", equalTo(4));
        given().auth().oauth2(TestTokens.ministryAdmin()).get("/api/v1/boards/IR-99").then().statusCode(404);
    }

    @Test
    void r3_r5_facultyPath_nominationApprovalIntroductionDecree_thenActiveWithHistoryAndJalali() {
        String p = "IR-11";
        String id = nominate(p, "FACULTY");
        String path = base(p) + "/" + id;
        // R5: no decree before the labour DG's introduction
        postIfMatch(TestTokens.planningDeputy(p), path + "/decree", etag(TestTokens.secretariat(p), path), decree("ح-1"))
                .statusCode(422).body("rule", equalTo("Art. 6 Note 2"));
        // R3: not introduced before the Chair's or Secretary's approval
        postIfMatch(TestTokens.labourDg(p), path + "/introduction", etag(TestTokens.secretariat(p), path), null)
                .statusCode(422).body("rule", equalTo("Art. 6"));
        readyForDecree(p, id, "FACULTY");
        issueDecree(TestTokens.planningDeputy(p), p, id, "۱۲۳۴/ح").statusCode(200)
                .body("status", equalTo("ACTIVE")).body("decreeNumber", equalTo("1234/ح"))
                .body("fullName", equalTo("مریم کریمی"))
                .body("decreeIssuedOnJalali", startsWith("14"));
        given().auth().oauth2(TestTokens.secretariat(p)).get("/api/v1/boards/" + p).then().statusCode(200)
                .body("seatsFilled", equalTo(1))
                .body("seats.find { it.seat == 'FACULTY' }.vacancies", equalTo(1));
        given().auth().oauth2(TestTokens.secretariat(p)).get(path + "/history").then().statusCode(200)
                .body("action", hasItems("NOMINATED", "APPROVED", "INTRODUCED", "DECREED"));
        // as of a day before the decree, the seat was vacant (Jalali ?at=)
        String before = ir.kanoon.platform.jalali.JalaliDate.format(LocalDate.now().minusDays(3));
        given().auth().oauth2(TestTokens.secretariat(p)).queryParam("at", before).get("/api/v1/boards/" + p).then()
                .statusCode(200).body("seatsFilled", equalTo(0));
    }

    @Test
    void r3_facultyNominatedByTheLabourDg_is422Art6() {
        String p = "IR-12";
        post(TestTokens.secretariat(p), base(p), nomination("FACULTY", "LABOUR_DG")).statusCode(422)
                .body("rule", equalTo("Art. 6"));
    }

    @Test
    void r4_anExpertRecordedByTheSecretariat_is422Art6_byTheLabourDgIsAccepted() {
        String p = "IR-12";
        post(TestTokens.secretariat(p), base(p), nomination("ENTREPRENEUR_EXPERT", "LABOUR_DG")).statusCode(422)
                .body("rule", equalTo("Art. 6"));
        post(TestTokens.labourDg(p), base(p), nomination("ENTREPRENEUR_EXPERT", "LABOUR_DG")).statusCode(201)
                .body("status", equalTo("NOMINATED"));
    }

    @Test
    void r5_decreeByAPlanningDeputyOfAnotherProvince_is403() {
        String p = "IR-13";
        String id = nominate(p, "BROADCASTING_HEAD");
        readyForDecree(p, id, "BROADCASTING_HEAD");
        issueDecree(TestTokens.planningDeputy("IR-14"), p, id, "ح-2").statusCode(403)
                .body("type", equalTo("/problems/forbidden-province"));
        // nor the labour DG, nor the ministry analyst (read-only)
        issueDecree(TestTokens.labourDg(p), p, id, "ح-2").statusCode(403);
        issueDecree(TestTokens.planningDeputy(p), p, id, "ح-2").statusCode(200);
    }

    @Test
    void r2_aFifthExpertIsRefused_409Art6() {
        String p = "IR-15";
        for (int i = 0; i < 4; i++) {
            appoint(p, "ENTREPRENEUR_EXPERT");
        }
        String fifth = nominate(p, "ENTREPRENEUR_EXPERT");
        readyForDecree(p, fifth, "ENTREPRENEUR_EXPERT");
        issueDecree(TestTokens.planningDeputy(p), p, fifth, "ح-5").statusCode(409).body("rule", equalTo("Art. 6"));
    }

    @Test
    void r2_aFifthExpertIsRefused_evenWhenFiveDecreesRace() throws Exception {
        String p = "IR-16";
        List<String> ids = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = nominate(p, "ENTREPRENEUR_EXPERT");
            readyForDecree(p, id, "ENTREPRENEUR_EXPERT");
            ids.add(id);
            tags.add(etag(TestTokens.secretariat(p), base(p) + "/" + id));
        }
        String token = TestTokens.planningDeputy(p);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = ids.get(i);
            String tag = tags.get(i);
            Callable<Integer> call = () -> {
                start.await();
                return postIfMatch(token, base(p) + "/" + id + "/decree", tag, decree("ح-r" + id.substring(0, 8)))
                        .extract().statusCode();
            };
            results.add(pool.submit(call));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : results) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertEquals(4, codes.stream().filter(c -> c == 200).count(), codes::toString);
        assertEquals(1, codes.stream().filter(c -> c == 409).count(), codes::toString);
        assertEquals(4, count("SELECT count(*) FROM appointment WHERE province = '" + p
                + "' AND seat = 'ENTREPRENEUR_EXPERT' AND status = 'ACTIVE'"));
    }

    @Test
    void staleOrMissingIfMatch_412_428_andReadOnlyNeverWrites() {
        String p = "IR-17";
        String id = nominate(p, "CHAIR");
        String path = base(p) + "/" + id;
        post(TestTokens.labourDg(p), path + "/introduction", Map.of()).statusCode(428);
        postIfMatch(TestTokens.labourDg(p), path + "/introduction", "\"99\"", Map.of()).statusCode(412);
        post(TestTokens.ministryAnalyst(), base(p), nomination("CHAIR", "OFFICE_HOLDER")).statusCode(403);
        post(TestTokens.secretariat("IR-18"), base(p), nomination("CHAIR", "OFFICE_HOLDER")).statusCode(403)
                .body("type", equalTo("/problems/forbidden-province"));
        given().auth().oauth2(TestTokens.secretariat("IR-18")).get(path).then().statusCode(403);
        // a member of another province's Association does not read this Board; one of this province does
        given().auth().oauth2(TestTokens.member("m1", "IR-18")).get("/api/v1/boards/" + p).then().statusCode(403);
        given().auth().oauth2(TestTokens.member("m2", p)).get("/api/v1/boards/" + p).then().statusCode(200);
    }

    @Test
    void nationalIdIsMaskedForPeople_shownToStaff() {
        String p = "IR-17";
        String id = appoint(p, "WORKERS_SECRETARY");
        String path = base(p) + "/" + id;
        String shown = given().auth().oauth2(TestTokens.secretariat(p)).get(path).then().statusCode(200)
                .extract().path("nationalId");
        String masked = given().auth().oauth2(TestTokens.member("m3", p)).get(path).then().statusCode(200)
                .extract().path("nationalId");
        assertTrue(shown.matches("\\d{10}"), shown);
        assertTrue(!masked.equals(shown), masked);
    }

    @Test
    void endingFreesTheSeat_andRevocationIsThePlanningDeputys() {
        String p = "IR-19";
        String id = appoint(p, "EMPLOYERS_SECRETARY");
        String path = base(p) + "/" + id;
        postIfMatch(TestTokens.secretariat(p), path + "/end", etag(TestTokens.secretariat(p), path),
                Map.of("reason", "REVOKED")).statusCode(422);
        postIfMatch(TestTokens.secretariat(p), path + "/end", etag(TestTokens.secretariat(p), path),
                Map.of("reason", "RESIGNED", "document", "استعفانامه ۹")).statusCode(200)
                .body("status", equalTo("ENDED")).body("endReason", equalTo("RESIGNED"));
        appoint(p, "EMPLOYERS_SECRETARY"); // the seat is free again
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}

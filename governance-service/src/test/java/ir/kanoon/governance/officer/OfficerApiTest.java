package ir.kanoon.governance.officer;

import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static ir.kanoon.governance.support.Gov.appoint;
import static ir.kanoon.governance.support.Gov.base;
import static ir.kanoon.governance.support.Gov.etag;
import static ir.kanoon.governance.support.Gov.post;
import static ir.kanoon.governance.support.Gov.postIfMatch;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Officers of the Association through the API (Art. 8, R6). */
@KanoonTest
class OfficerApiTest {

    static String propose(String province, String office, String appointmentId) {
        return post(TestTokens.labourDg(province), "/api/v1/officers",
                Map.of("province", province, "office", office, "appointmentId", appointmentId))
                .statusCode(201).extract().path("id");
    }

    static io.restassured.response.ValidatableResponse appointOfficer(String province, String officerId) {
        String path = "/api/v1/officers/" + officerId;
        return postIfMatch(TestTokens.planningDeputy(province), path + "/appointment", etag(TestTokens.secretariat(province), path), null);
    }

    @Test
    void r6_aProposalForTheBroadcastingHead_is422Art8() {
        String p = "IR-21";
        String irib = appoint(p, "BROADCASTING_HEAD");
        post(TestTokens.labourDg(p), "/api/v1/officers", Map.of("province", p, "office", "PRESIDENT", "appointmentId", irib))
                .statusCode(422).body("rule", equalTo("Art. 8"));
    }

    @Test
    void r6_proposedByTheLabourDg_appointedByThePlanningDeputy_oneHolderPerOffice_notBoth_endsWithTrusteeship() {
        String p = "IR-22";
        String faculty = appoint(p, "FACULTY");
        String expert = appoint(p, "ENTREPRENEUR_EXPERT");
        // only the labour DG proposes
        post(TestTokens.secretariat(p), "/api/v1/officers", Map.of("province", p, "office", "PRESIDENT", "appointmentId", faculty))
                .statusCode(403);
        String president = propose(p, "PRESIDENT", faculty);
        // the labour DG does not appoint
        String path = "/api/v1/officers/" + president;
        postIfMatch(TestTokens.labourDg(p), path + "/appointment", etag(TestTokens.secretariat(p), path), null).statusCode(403);
        appointOfficer(p, president).statusCode(200).body("status", equalTo("ACTIVE")).body("seat", equalTo("FACULTY"));
        // one holder per office
        String second = propose(p, "PRESIDENT", expert);
        appointOfficer(p, second).statusCode(409).body("rule", equalTo("Art. 8"));
        // one person not both
        String both = propose(p, "SECRETARY", faculty);
        appointOfficer(p, both).statusCode(409).body("rule", equalTo("Art. 8"));
        String secretary = propose(p, "SECRETARY", expert);
        appointOfficer(p, secretary).statusCode(200);
        // the trusteeship ends → the office ends
        String tpath = base(p) + "/" + faculty;
        postIfMatch(TestTokens.secretariat(p), tpath + "/end", etag(TestTokens.secretariat(p), tpath), Map.of("reason", "RESIGNED"))
                .statusCode(200);
        given().auth().oauth2(TestTokens.secretariat(p)).get(path).then().statusCode(200).body("status", equalTo("ENDED"));
        given().auth().oauth2(TestTokens.secretariat(p)).get(path + "/history").then().statusCode(200);
        // another province's staff do not see it
        given().auth().oauth2(TestTokens.secretariat("IR-23")).get(path).then().statusCode(404);
        given().auth().oauth2(TestTokens.secretariat("IR-23")).queryParam("province", p).get("/api/v1/officers").then()
                .statusCode(403);
    }

    @Test
    void r6_twoPresidentsAppointedAtOnce_exactlyOneWins() throws Exception {
        String p = "IR-24";
        List<String> proposals = List.of(propose(p, "PRESIDENT", appoint(p, "ENTREPRENEUR_EXPERT")),
                propose(p, "PRESIDENT", appoint(p, "ENTREPRENEUR_EXPERT")),
                propose(p, "PRESIDENT", appoint(p, "WORKERS_SECRETARY")));
        List<String> tags = proposals.stream().map(id -> etag(TestTokens.secretariat(p), "/api/v1/officers/" + id)).toList();
        String token = TestTokens.planningDeputy(p);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = proposals.get(i);
            String tag = tags.get(i);
            results.add(pool.submit(() -> {
                start.await();
                return postIfMatch(token, "/api/v1/officers/" + id + "/appointment", tag, null).extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : results) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, codes.stream().filter(c -> c == 200).count(), codes::toString);
        assertEquals(2, codes.stream().filter(c -> c == 409).count(), codes::toString);
    }
}

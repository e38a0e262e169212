package ir.kanoon.workgroup.group;

import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import ir.kanoon.workgroup.support.Fixtures;
import io.restassured.response.ValidatableResponse;
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
import static ir.kanoon.workgroup.support.Fixtures.formGroup;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Working groups over HTTP on real PostgreSQL and Kafka (Art. 9, R10, R11). */
@KanoonTest
class WorkingGroupApiTest {

    static final String P = "IR-01";
    static final String OTHER = "IR-02";

    static Map<String, Object> form(String province, String type) {
        return Map.of("province", province, "type", type, "name", "کارگروه مالی", "basis", "MEMBERS_PROPOSAL",
                "basisRef", "پیشنهاد اعضا ۱۴۰۵/۱");
    }

    @Test
    void r10_aSecondActiveGroupOfOneTypeInAProvinceIs409Art9_afterDissolutionItMayBeFormedAgain() {
        String sec = TestTokens.secretariat(P);
        String id = formGroup(P, "FINANCE_VENTURE_CAPITAL");
        given().auth().oauth2(sec).contentType("application/json").body(form(P, "FINANCE_VENTURE_CAPITAL"))
                .post("/api/v1/working-groups").then().statusCode(409)
                .contentType("application/problem+json").body("rule", equalTo("Art. 9"));
        // another province may have its own
        formGroup(OTHER, "FINANCE_VENTURE_CAPITAL");
        Fixtures.postCurrent(sec, "/api/v1/working-groups/" + id, "dissolve",
                Map.of("reason", "پایان مأموریت", "reference", "HT-1405-20")).statusCode(200)
                .body("status", equalTo("DISSOLVED")).body("dissolvedOnJalali", org.hamcrest.Matchers.notNullValue());
        formGroup(P, "FINANCE_VENTURE_CAPITAL");
        given().auth().oauth2(sec).get("/api/v1/working-groups/" + id + "/history").then().statusCode(200)
                .body("action", hasItem("DISSOLVED"));
    }

    @Test
    void r10_twoFormationsAtOnce_exactlyOneWins() throws Exception {
        String sec = TestTokens.secretariat(P);
        int n = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return given().auth().oauth2(sec).contentType("application/json")
                        .body(form(P, "MARKET_DEVELOPMENT_RESEARCH")).post("/api/v1/working-groups").statusCode();
            }));
        }
        start.countDown();
        int created = 0;
        for (Future<Integer> f : results) {
            int s = f.get();
            if (s == 201) {
                created++;
            } else {
                assertEquals(409, s);
            }
        }
        pool.shutdown();
        assertEquals(1, created);
    }

    @Test
    void r11_aProposedMemberIsNotAMemberUntilTheBoardSecretaryApproves() {
        String group = formGroup(P, "CULTURE_EDUCATION_RESEARCH");
        UUID person = Fixtures.activeMember(P, "u-" + UUID.randomUUID());
        ValidatableResponse proposed = given().auth().oauth2(TestTokens.secretariat(P)).contentType("application/json")
                .body(Map.of("personId", person.toString(), "role", "MEMBER", "proposalRef", "HT-1405-11"))
                .post("/api/v1/working-groups/" + group + "/members").then().statusCode(201)
                .body("status", equalTo("PROPOSED")).body("counts", equalTo(false));
        String seat = proposed.extract().path("id");
        String etag = proposed.extract().header("ETag");
        String base = "/api/v1/working-groups/" + group + "/members/" + seat;
        // not a member yet: a meeting of the group would not count them (no secretary yet, so by ministry-admin)
        String meeting = Fixtures.schedule(TestTokens.ministryAdmin(), groupMeeting(group)).statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.secretariat(P)).get("/api/v1/meetings/" + meeting + "/roster").then()
                .statusCode(200).body("personId", not(hasItem(person.toString())));
        // the secretariat cannot approve (only the Board Secretary, labour-dg)
        given().auth().oauth2(TestTokens.secretariat(P)).header("If-Match", etag).contentType("application/json")
                .body(Map.of()).post(base + "/approve").then().statusCode(403);
        // labour-dg of another province cannot either
        given().auth().oauth2(TestTokens.labourDg(OTHER)).header("If-Match", etag).contentType("application/json")
                .body(Map.of()).post(base + "/approve").then().statusCode(404);
        given().auth().oauth2(TestTokens.labourDg(P)).header("If-Match", etag).contentType("application/json")
                .body(Map.of()).post(base + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("counts", equalTo(true));
        given().auth().oauth2(TestTokens.secretariat(P)).get("/api/v1/meetings/" + meeting + "/roster").then()
                .statusCode(200).body("personId", hasItem(person.toString()));
    }

    @Test
    void r11_aNonMemberCannotBeProposed_norAMemberOfAnotherProvince_norASuspendedOne() {
        String group = formGroup(P, "IDEAS_INVENTIONS_INNOVATION");
        UUID elsewhere = Fixtures.activeMember(OTHER, "u-" + UUID.randomUUID());
        UUID suspended = Fixtures.activeMember(P, "u-" + UUID.randomUUID());
        Fixtures.send("kanoon.membership.events", suspended.toString(),
                Fixtures.memberEvent("suspended", suspended, null, P, "SUSPENDED"));
        Fixtures.awaitPerson(suspended, false);
        for (UUID person : List.of(UUID.randomUUID(), elsewhere, suspended)) {
            given().auth().oauth2(TestTokens.secretariat(P)).contentType("application/json")
                    .body(Map.of("personId", person.toString(), "role", "MEMBER", "proposalRef", "HT-1405-12"))
                    .post("/api/v1/working-groups/" + group + "/members").then().statusCode(422)
                    .body("rule", equalTo("Art. 9 Note 1"));
        }
        // a trustee (governance's trustee.appointed) can be
        UUID trustee = Fixtures.trustee(P, "t-" + UUID.randomUUID());
        given().auth().oauth2(TestTokens.secretariat(P)).contentType("application/json")
                .body(Map.of("personId", trustee.toString(), "role", "SECRETARY", "proposalRef", "HT-1405-12"))
                .post("/api/v1/working-groups/" + group + "/members").then().statusCode(201);
    }

    @Test
    void provinceIsolation_andReadOnlyRolesNeverWrite() {
        String group = formGroup(P, "SUPPORT_INSTITUTIONS_PHILANTHROPY");
        given().auth().oauth2(TestTokens.secretariat(OTHER)).get("/api/v1/working-groups/" + group).then().statusCode(404);
        given().auth().oauth2(TestTokens.member("m-x", OTHER)).get("/api/v1/working-groups/" + group).then().statusCode(404);
        given().auth().oauth2(TestTokens.member("m-y", P)).get("/api/v1/working-groups/" + group).then().statusCode(200);
        given().auth().oauth2(TestTokens.secretariat(OTHER)).get("/api/v1/working-groups?province=" + P).then().statusCode(403);
        given().auth().oauth2(TestTokens.secretariat(OTHER)).contentType("application/json").body(form(P, "FINANCE_VENTURE_CAPITAL"))
                .post("/api/v1/working-groups").then().statusCode(403);
        given().auth().oauth2(TestTokens.ministryAnalyst()).contentType("application/json").body(form(P, "FINANCE_VENTURE_CAPITAL"))
                .post("/api/v1/working-groups").then().statusCode(403);
        given().auth().oauth2(TestTokens.member("m-y", P)).contentType("application/json").body(form(P, "FINANCE_VENTURE_CAPITAL"))
                .post("/api/v1/working-groups").then().statusCode(403);
        given().auth().oauth2(TestTokens.ministryAnalyst()).get("/api/v1/working-groups?province=" + P).then().statusCode(200)
                .body("items.id", hasItem(group));
        // stale and missing If-Match
        String path = "/api/v1/working-groups/" + group;
        given().auth().oauth2(TestTokens.secretariat(P)).contentType("application/json")
                .body(Map.of("reason", "x", "reference", "y")).post(path + "/dissolve").then().statusCode(428);
        given().auth().oauth2(TestTokens.secretariat(P)).header("If-Match", "\"99\"").contentType("application/json")
                .body(Map.of("reason", "x", "reference", "y")).post(path + "/dissolve").then().statusCode(412);
    }

    @Test
    void fourEyes_theProposedPersonCannotApproveTheirOwnSeat() {
        String p = "IR-11";
        String group = formGroup(p, "FINANCE_VENTURE_CAPITAL");
        UUID dgAsMember = Fixtures.activeMember(p, "dg-" + p); // the labour-dg is also a member of the Association
        ValidatableResponse proposed = given().auth().oauth2(TestTokens.secretariat(p)).contentType("application/json")
                .body(Map.of("personId", dgAsMember.toString(), "role", "MEMBER", "proposalRef", "HT-1405-13"))
                .post("/api/v1/working-groups/" + group + "/members").then().statusCode(201);
        given().auth().oauth2(TestTokens.labourDg(p)).header("If-Match", proposed.extract().header("ETag"))
                .contentType("application/json").body(Map.of())
                .post("/api/v1/working-groups/" + group + "/members/" + proposed.extract().path("id") + "/approve")
                .then().statusCode(403);
    }

    static Map<String, Object> groupMeeting(String group) {
        Map<String, Object> m = Fixtures.meeting(null, "WORKING_GROUP", java.time.Instant.now().plusSeconds(86400 * 30));
        m.remove("province");
        m.put("workingGroupId", group);
        return m;
    }
}

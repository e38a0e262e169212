package ir.kanoon.membership.member;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.platform.testing.KafkaTestResource;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static ir.kanoon.membership.support.Fixtures.admit;
import static ir.kanoon.membership.support.Fixtures.applicant;
import static ir.kanoon.membership.support.Fixtures.entrepreneur;
import static ir.kanoon.membership.support.Fixtures.nationalId;
import static ir.kanoon.membership.support.Fixtures.person;
import static ir.kanoon.membership.support.Fixtures.secretariat;
import static ir.kanoon.membership.support.Fixtures.submit;
import static org.hamcrest.Matchers.equalTo;

/**
 * Writes need the current version (conventions, Concurrency): PATCH and every state-change POST answer
 * 428 without {@code If-Match}, 412 on a weak or stale tag, and change nothing in either case.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IfMatchTest {

    private static final String TEHRAN = "IR-07";

    @Test
    void applicationChangesWithoutIfMatchAre428AndChangeNothing() {
        String nid = nationalId();
        String me = person("if-match-app", nid);
        String path = "/api/v1/applications/" + submit(me, entrepreneur(TEHRAN, nid)).statusCode(201)
                .header("ETag", "\"0\"").extract().path("id");
        String sec = secretariat(TEHRAN);

        expect428(given().auth().oauth2(me).contentType("application/json").body(Map.of("city", "کرج"))
                .patch(path).then());
        expect428(given().auth().oauth2(me).contentType("application/json").post(path + "/withdraw").then());
        expect428(given().auth().oauth2(sec).post(path + "/review").then());
        given().auth().oauth2(sec).header("If-Match", "\"0\"").post(path + "/review").then().statusCode(200)
                .header("ETag", "\"1\"");
        expect428(given().auth().oauth2(sec).contentType("application/json")
                .body(Map.of("decision", "APPROVED", "resolutionRef", "HT-1", "reason", "x"))
                .post(path + "/decision").then());
        given().auth().oauth2(me).get(path).then().statusCode(200).body("status", equalTo("UNDER_REVIEW"))
                .body("city", equalTo("تهران")).header("ETag", "\"1\"");
    }

    @Test
    void weakOrStaleIfMatchIs412WithTheCurrentETag() {
        String nid = nationalId();
        String me = person("if-match-weak", nid);
        String path = "/api/v1/applications/" + submit(me, entrepreneur(TEHRAN, nid)).statusCode(201)
                .extract().path("id");
        given().auth().oauth2(me).contentType("application/json").header("If-Match", "W/\"0\"")
                .body(Map.of("city", "کرج")).patch(path)
                .then().statusCode(412).contentType("application/problem+json").header("ETag", "\"0\"");
        given().auth().oauth2(me).contentType("application/json").header("If-Match", "\"7\"")
                .body(Map.of("city", "کرج")).patch(path).then().statusCode(412);
        given().auth().oauth2(me).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("city", "کرج")).patch(path).then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void memberChangesWithoutIfMatchAre428() {
        String memberId = admit("if-match-member", entrepreneur(TEHRAN, nationalId()));
        String path = "/api/v1/members/" + memberId;
        String sec = secretariat(TEHRAN);
        expect428(given().auth().oauth2(applicant("if-match-member")).contentType("application/json")
                .body(Map.of("city", "کرج")).patch(path).then());
        Map<String, String> board = Map.of("reason", "مصوبه", "resolutionRef", "HT-5");
        for (String action : new String[] {"suspend", "reinstate", "renew", "terminate"}) {
            expect428(given().auth().oauth2(sec).contentType("application/json").body(board)
                    .post(path + "/" + action).then());
        }
        given().auth().oauth2(sec).get(path).then().statusCode(200).body("status", equalTo("ACTIVE"))
                .header("ETag", "\"0\"");
    }

    private static void expect428(io.restassured.response.ValidatableResponse response) {
        response.statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("/problems/precondition-required"));
    }
}

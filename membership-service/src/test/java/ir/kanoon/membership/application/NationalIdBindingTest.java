package ir.kanoon.membership.application;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.platform.testing.KafkaTestResource;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static ir.kanoon.membership.support.Fixtures.applicant;
import static ir.kanoon.membership.support.Fixtures.entrepreneur;
import static ir.kanoon.membership.support.Fixtures.nationalId;
import static ir.kanoon.membership.support.Fixtures.person;
import static ir.kanoon.membership.support.Fixtures.post;
import static ir.kanoon.membership.support.Fixtures.secretariat;
import static ir.kanoon.membership.support.Fixtures.submit;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * National-ID binding (issue 7): a person applies only under the verified {@code national_id} of their
 * account, so nobody can squat someone else's ID and block them nationwide; the province's staff may file
 * on someone's behalf, recorded as such, and that person sees and withdraws it. And the one-person rule's
 * 409 names the province only to callers who may see that record (existence disclosure).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NationalIdBindingTest {

    private static final String TEHRAN = "IR-07";
    private static final String ISFAHAN = "IR-04";

    @Test
    void nationalIdBinding_selfApplicationWithoutAVerifiedNationalIdIs403NamingTheRule() {
        submit(applicant("unverified-person"), entrepreneur(TEHRAN, nationalId())).statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/national-id.unverified"))
                .body("rule", equalTo("national-id-binding"))
                .body("detail", containsString("verified"));
    }

    @Test
    void nationalIdBinding_squattingSomeoneElsesNationalIdIs403AndDoesNotBlockThatPerson() {
        String victim = nationalId();
        submit(person("squatter", nationalId()), entrepreneur(TEHRAN, victim)).statusCode(403)
                .body("type", equalTo("/problems/national-id.not-yours"))
                .body("rule", equalTo("national-id-binding"))
                .body("violations.field", hasItem("nationalId"));
        // The victim applies where they like (Persian digits in the form are the same ID).
        submit(person("victim", victim), entrepreneur(ISFAHAN, toPersianDigits(victim))).statusCode(201);
    }

    @Test
    void nationalIdBinding_staffFileOnSomeonesBehalf_recordedAsSuch_andThePersonSeesAndWithdrawsIt() {
        String nid = nationalId();
        String appId = submit(secretariat(TEHRAN), entrepreneur(TEHRAN, nid)).statusCode(201)
                .body("filedBy", equalTo("sec-IR-07"))
                .extract().path("id");
        given().auth().oauth2(secretariat(TEHRAN)).get("/api/v1/applications/" + appId + "/history").then()
                .statusCode(200).body("action", equalTo(List.of("SUBMITTED_ON_BEHALF")))
                .body("[0].actor", equalTo("sec-IR-07"));

        String thePerson = person("the-person-" + nid, nid);
        given().auth().oauth2(thePerson).get("/api/v1/applications/" + appId).then().statusCode(200)
                .body("nationalId", equalTo(nid)).body("personalDataMasked", equalTo(false));
        given().auth().oauth2(thePerson).get("/api/v1/applications").then().statusCode(200)
                .body("items.id", hasItem(appId));
        given().auth().oauth2(person("someone-else", nationalId())).get("/api/v1/applications/" + appId).then()
                .statusCode(404);
        // The filer is not the person: they cannot withdraw it for them.
        post(secretariat(TEHRAN), "/api/v1/applications/" + appId + "/withdraw", null).statusCode(403);
        post(thePerson, "/api/v1/applications/" + appId + "/withdraw", Map.of("reason", "به نام من ثبت شده بود"))
                .statusCode(200).body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void nationalIdBinding_staffOfAnotherProvinceCannotFileOnBehalf() {
        submit(secretariat(ISFAHAN), entrepreneur(TEHRAN, nationalId())).statusCode(403)
                .body("type", equalTo("/problems/national-id.unverified"));
    }

    @Test
    void existenceDisclosure_onePersonRule409NamesTheProvinceOnlyToCallersWhoMaySeeTheRecord() {
        String nid = nationalId();
        String appId = submitAs(nid, TEHRAN);

        // Isfahan's secretariat, filing on someone's behalf, learns that the ID is taken, not where.
        submit(secretariat(ISFAHAN), entrepreneur(ISFAHAN, nid)).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/person.taken"))
                .body(allOf(not(containsString("IR-07")), not(containsString("Tehran")), not(containsString(appId))))
                .header("Link", nullValue());
        given().auth().oauth2(secretariat(ISFAHAN)).header("Accept-Language", "fa").contentType("application/json")
                .body(entrepreneur(ISFAHAN, nid)).post("/api/v1/applications").then().statusCode(409)
                .body(not(containsString("تهران")));
        // Tehran's secretariat may see it: told where, and linked.
        submit(secretariat(TEHRAN), entrepreneur(TEHRAN, nid)).statusCode(409)
                .body("type", equalTo("/problems/person.open-application"))
                .body("detail", containsString("Tehran"))
                .header("Link", containsString("/api/v1/applications/" + appId));
        // So may the person.
        submit(person("dup-" + nid, nid), entrepreneur(ISFAHAN, nid)).statusCode(409)
                .body("detail", containsString("Tehran"))
                .header("Link", containsString(appId));
    }

    private static String submitAs(String nid, String province) {
        return submit(person("p-" + nid, nid), entrepreneur(province, nid)).statusCode(201).extract().path("id");
    }

    private static String toPersianDigits(String ascii) {
        StringBuilder b = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            b.append((char) ('۰' + (c - '0')));
        }
        return b.toString();
    }
}

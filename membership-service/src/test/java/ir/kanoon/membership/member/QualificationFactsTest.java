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
import static ir.kanoon.membership.support.Fixtures.secretariat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * Art. 7 (R8): the facts of a member's category were the basis of the Board-supervised qualification
 * decision, so {@code PATCH /members/{id}} cannot change them — not the member, not the secretariat — while
 * contact details stay editable.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class QualificationFactsTest {

    private static final String TEHRAN = "IR-07";

    @Test
    void r8_art7_aFacultyMemberCannotPatchUniversityOrRankWithoutADecision() {
        Map<String, Object> faculty = entrepreneur(TEHRAN, nationalId());
        faculty.put("category", "FACULTY");
        faculty.remove("sector");
        faculty.remove("businessLicenceNumber");
        faculty.remove("employees");
        faculty.remove("foundingYear");
        faculty.put("university", "دانشگاه تهران");
        faculty.put("academicRank", "ASSOCIATE_PROFESSOR");
        String path = "/api/v1/members/" + admit("faculty-patch", faculty);
        String me = applicant("faculty-patch");

        given().auth().oauth2(me).header("Accept-Language", "en").header("If-Match", "\"0\"")
                .contentType("application/json")
                .body(Map.of("university", "دانشگاه شریف", "academicRank", "PROFESSOR", "city", "کرج")).patch(path)
                .then().statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("Art. 7"))
                .body("type", equalTo("/problems/member.qualification-fact"))
                .body("violations.field", hasItems("university", "academicRank"));
        given().auth().oauth2(secretariat(TEHRAN)).header("If-Match", "\"0\"").contentType("application/json")
                .body(Map.of("position", "مدیر کل")).patch(path)
                .then().statusCode(422).body("violations.field", hasItems("position"));
        given().auth().oauth2(me).get(path).then().statusCode(200).header("ETag", "\"0\"")
                .body("university", equalTo("دانشگاه تهران")).body("academicRank", equalTo("ASSOCIATE_PROFESSOR"))
                .body("city", equalTo("تهران"));
        // Contact details need no decision.
        given().auth().oauth2(me).header("If-Match", "\"0\"").contentType("application/json")
                .body(Map.of("city", "کرج")).patch(path).then().statusCode(200).body("city", equalTo("کرج"));
    }

    @Test
    void r8_art7_organisationAndGovernmentBodyNeedADecisionToo() {
        String path = "/api/v1/members/" + admit("ent-patch", entrepreneur(TEHRAN, nationalId()));
        given().auth().oauth2(applicant("ent-patch")).header("If-Match", "\"0\"").contentType("application/json")
                .body(Map.of("organisation", "انجمن", "registrationNumber", "12", "governmentBody", "وزارت"))
                .patch(path).then().statusCode(422)
                .body("violations.field", hasItems("organisation", "registrationNumber", "governmentBody"));
    }
}

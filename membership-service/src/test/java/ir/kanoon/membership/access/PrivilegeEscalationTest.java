package ir.kanoon.membership.access;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.kanoon.platform.testing.KafkaTestResource;
import ir.kanoon.platform.testing.OidcTestResource;
import ir.kanoon.platform.testing.PostgresTestResource;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static ir.kanoon.membership.support.Fixtures.admit;
import static ir.kanoon.membership.support.Fixtures.entrepreneur;
import static ir.kanoon.membership.support.Fixtures.nationalId;
import static ir.kanoon.membership.support.Fixtures.post;
import static ir.kanoon.membership.support.Fixtures.submit;
import static ir.kanoon.membership.support.Fixtures.person;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/**
 * The escalation of issue 7, at the service: Tehran's secretariat who became a member in Isfahan carries
 * {@code province: IR-07} (staff scope) and {@code member_province: IR-04} (membership). Membership gives
 * no staff power: Isfahan's applications stay 403, Tehran's stay 200, and Isfahan's register is read only
 * as a member would (no personal data), never decided on.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PrivilegeEscalationTest {

    private static final String TEHRAN = "IR-07";
    private static final String ISFAHAN = "IR-04";

    @Test
    void staffScopeComesFromProvinceNeverFromMemberProvince() {
        String tehranSecretariatMemberInIsfahan = TestTokens.user("tehran-sec-member-isfahan")
                .roles("secretariat", "member", "applicant").province(TEHRAN).claim("member_province", ISFAHAN).sign();
        String nid = nationalId();
        String isfahanApp = submit(person("isfahan-applicant-esc", nid), entrepreneur(ISFAHAN, nid)).statusCode(201)
                .extract().path("id");

        given().auth().oauth2(tehranSecretariatMemberInIsfahan).queryParam("province", ISFAHAN)
                .get("/api/v1/applications").then().statusCode(403)
                .body("type", equalTo("/problems/forbidden-province"));
        given().auth().oauth2(tehranSecretariatMemberInIsfahan).queryParam("province", TEHRAN)
                .get("/api/v1/applications").then().statusCode(200)
                .body("items.province", everyItem(equalTo(TEHRAN)));
        given().auth().oauth2(tehranSecretariatMemberInIsfahan).get("/api/v1/applications/" + isfahanApp)
                .then().statusCode(404);
        post(tehranSecretariatMemberInIsfahan, "/api/v1/applications/" + isfahanApp + "/review", null)
                .statusCode(404);

        String isfahanMember = admit("isfahan-member-esc", entrepreneur(ISFAHAN, nationalId()));
        post(tehranSecretariatMemberInIsfahan, "/api/v1/members/" + isfahanMember + "/suspend",
                Map.of("reason", "x", "resolutionRef", "HT-1")).statusCode(403);
    }

    @Test
    void aMemberReadsTheirOwnAssociationByMemberProvinceOnly() {
        String isfahanMember = admit("isfahan-member-reads", entrepreneur(ISFAHAN, nationalId()));
        String member = TestTokens.user("someone-in-isfahan").roles("member").claim("member_province", ISFAHAN).sign();
        given().auth().oauth2(member).get("/api/v1/members").then().statusCode(200)
                .body("items.province", everyItem(equalTo(ISFAHAN)));
        given().auth().oauth2(member).get("/api/v1/members/" + isfahanMember).then().statusCode(200)
                .body("personalDataMasked", equalTo(true));
        given().auth().oauth2(member).queryParam("province", TEHRAN).get("/api/v1/members").then().statusCode(403);
        // A member token that still carries the old "province" claim (no member_province) reads nothing.
        String legacy = TestTokens.user("legacy-member").roles("member").province(ISFAHAN).sign();
        given().auth().oauth2(legacy).get("/api/v1/members/" + isfahanMember).then().statusCode(404);
    }

}

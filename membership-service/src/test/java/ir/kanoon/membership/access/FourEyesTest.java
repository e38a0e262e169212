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

import static ir.kanoon.membership.support.Fixtures.entrepreneur;
import static ir.kanoon.membership.support.Fixtures.labourDg;
import static ir.kanoon.membership.support.Fixtures.nationalId;
import static ir.kanoon.membership.support.Fixtures.post;
import static ir.kanoon.membership.support.Fixtures.secretariat;
import static ir.kanoon.membership.support.Fixtures.submit;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Four eyes (conventions, Security; Art. 7: the qualification decision is someone else's Board-supervised
 * act): staff cannot review or decide their own application, nor suspend, reinstate or renew their own
 * membership — whether recognised by account or by verified national ID — nor decide what they filed.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = KafkaTestResource.class, parallel = true, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OidcTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class FourEyesTest {

    private static final String TEHRAN = "IR-07";
    private static final Map<String, String> APPROVE = Map.of("decision", "APPROVED", "resolutionRef", "HT-1405-40",
            "reason", "واجد شرایط");
    private static final Map<String, String> BOARD = Map.of("reason", "مصوبهٔ هیئت", "resolutionRef", "HT-1405-41");

    /** Tehran staff who is also a person with a verified national ID. */
    private static String staff(String subject, String role, String nid) {
        return TestTokens.user(subject).roles(role, "applicant").province(TEHRAN).claim("national_id", nid).sign();
    }

    @Test
    void fourEyes_staffCannotReviewOrDecideTheirOwnApplication() {
        String nid = nationalId();
        String me = staff("sec-four-eyes-app", "secretariat", nid);
        String appId = submit(me, entrepreneur(TEHRAN, nid)).statusCode(201).extract().path("id");
        String path = "/api/v1/applications/" + appId;

        post(me, path + "/review", null).statusCode(403).contentType("application/problem+json")
                .body("rule", equalTo("four-eyes")).body("type", equalTo("/problems/four-eyes.own-case"))
                .body("detail", containsString("review"));
        post(labourDg(TEHRAN), path + "/review", null).statusCode(200);
        post(me, path + "/decision", APPROVE).statusCode(403).body("rule", equalTo("four-eyes"))
                .body("detail", containsString("decide"));
        // The same person under another account (recognised by the verified national ID) is refused too.
        post(staff("sec-four-eyes-app-2nd-account", "labour-dg", nid), path + "/decision", APPROVE).statusCode(403)
                .body("rule", equalTo("four-eyes"));
        post(labourDg(TEHRAN), path + "/decision", APPROVE).statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void fourEyes_staffCannotSuspendReinstateOrRenewTheirOwnMembership() {
        String nid = nationalId();
        String me = staff("dg-four-eyes-member", "labour-dg", nid);
        String appId = submit(me, entrepreneur(TEHRAN, nid)).statusCode(201).extract().path("id");
        post(secretariat(TEHRAN), "/api/v1/applications/" + appId + "/review", null).statusCode(200);
        String memberId = post(secretariat(TEHRAN), "/api/v1/applications/" + appId + "/decision", APPROVE)
                .statusCode(200).extract().path("memberId");
        String path = "/api/v1/members/" + memberId;

        post(me, path + "/suspend", BOARD).statusCode(403).body("rule", equalTo("four-eyes"))
                .body("detail", containsString("suspend"));
        post(me, path + "/renew", BOARD).statusCode(403).body("rule", equalTo("four-eyes"));
        post(me, path + "/terminate", BOARD).statusCode(403).body("rule", equalTo("four-eyes"));
        post(secretariat(TEHRAN), path + "/suspend", BOARD).statusCode(200).body("status", equalTo("SUSPENDED"));
        post(me, path + "/reinstate", BOARD).statusCode(403).body("rule", equalTo("four-eyes"))
                .body("detail", containsString("reinstate"));
        post(secretariat(TEHRAN), path + "/reinstate", BOARD).statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void fourEyes_staffWhoFiledOnSomeonesBehalfCannotDecideIt() {
        String filer = TestTokens.user("sec-filer").roles("secretariat").province(TEHRAN).sign();
        String appId = submit(filer, entrepreneur(TEHRAN, nationalId())).statusCode(201)
                .body("filedBy", equalTo("sec-filer")).extract().path("id");
        post(filer, "/api/v1/applications/" + appId + "/review", null).statusCode(403)
                .body("rule", equalTo("four-eyes"));
        post(labourDg(TEHRAN), "/api/v1/applications/" + appId + "/review", null).statusCode(200);
    }
}

package ir.kanoon.governance.interest;

import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static ir.kanoon.governance.support.Gov.base;
import static ir.kanoon.governance.support.Gov.issueDecree;
import static ir.kanoon.governance.support.Gov.nominate;
import static ir.kanoon.governance.support.Gov.nomination;
import static ir.kanoon.governance.support.Gov.post;
import static ir.kanoon.governance.support.Gov.readyForDecree;
import static org.hamcrest.Matchers.equalTo;

/** The conflict-of-interest register: the trustee declares and confirms yearly; others of the Board cannot. */
@KanoonTest
class InterestApiTest {

    @Test
    void trusteeDeclaresAndConfirmsOncePerYear_nothingToDeclareExplicit_othersRefused() {
        String p = "IR-31";
        String user = "coi-" + System.nanoTime();
        Map<String, Object> form = new HashMap<>(nomination("ENTREPRENEUR_EXPERT", "LABOUR_DG"));
        form.put("userId", user);
        String id = nominate(p, form);
        readyForDecree(p, id, "ENTREPRENEUR_EXPERT");
        issueDecree(TestTokens.planningDeputy(p), p, id, "ح-coi").statusCode(200);
        String path = base(p) + "/" + id + "/interests";
        String trustee = TestTokens.user(user).roles("trustee").claim("member_province", p).sign();
        String otherTrustee = TestTokens.user("someone-else").roles("trustee").claim("member_province", p).sign();

        post(trustee, path, Map.of("interestType", "SHAREHOLDING", "description", "سهام شركت الف",
                "validFrom", "2025-01-01")).statusCode(201)
                .body("declarations[0].description", equalTo("سهام شرکت الف"))
                .body("declarations[0].validFromJalali", equalTo("1403-10-12"));
        post(otherTrustee, path, Map.of("interestType", "GIFT", "description", "x", "validFrom", "2025-01-01"))
                .statusCode(403);
        post(trustee, path + "/confirmation", Map.of("jalaliYear", 1405, "nothingToDeclare", false)).statusCode(200)
                .body("confirmations[0].jalaliYear", equalTo(1405));
        post(trustee, path + "/confirmation", Map.of("jalaliYear", 1405, "nothingToDeclare", true)).statusCode(409);
        post(TestTokens.secretariat(p), path + "/confirmation", Map.of("jalaliYear", 1406, "nothingToDeclare", true))
                .statusCode(200).body("confirmations[1].nothingToDeclare", equalTo(true));
        given().auth().oauth2(TestTokens.secretariat("IR-01")).get(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.ministryAnalyst()).get(path).then().statusCode(200)
                .body("declarations.size()", equalTo(1));
    }
}

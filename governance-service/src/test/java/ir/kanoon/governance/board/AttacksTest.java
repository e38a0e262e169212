package ir.kanoon.governance.board;

import io.agroal.api.AgroalDataSource;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static ir.kanoon.governance.support.Gov.base;
import static ir.kanoon.governance.support.Gov.decree;
import static ir.kanoon.governance.support.Gov.etag;
import static ir.kanoon.governance.support.Gov.nominate;
import static ir.kanoon.governance.support.Gov.nomination;
import static ir.kanoon.governance.support.Gov.postIfMatch;
import static ir.kanoon.governance.support.Gov.readyForDecree;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Attempts that must fail: a replayed creating POST, a decree on one's own nomination, a person on two seats. */
@KanoonTest
class AttacksTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReplayedNominationWithTheSameIdempotencyKeyCreatesNothingNew() throws Exception {
        String p = "IR-06";
        Map<String, Object> form = nomination("CHAIR", "OFFICE_HOLDER");
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(TestTokens.secretariat(p)).contentType("application/json")
                .header("Idempotency-Key", key).body(form).post(base(p)).then().statusCode(201).extract().path("id");
        String second = given().auth().oauth2(TestTokens.secretariat(p)).contentType("application/json")
                .header("Idempotency-Key", key).body(form).post(base(p)).then().statusCode(201)
                .header("Idempotency-Replayed", "true").extract().path("id");
        assertEquals(first, second);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM appointment WHERE national_id = ?")) {
            s.setString(1, (String) form.get("nationalId"));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(1, r.getLong(1));
            }
        }
    }

    @Test
    void fourEyes_thePlanningDeputyCannotDecreeTheirOwnNomination() {
        String p = "IR-06";
        Map<String, Object> form = nomination("CHAIR", "OFFICE_HOLDER");
        String id = nominate(p, form);
        readyForDecree(p, id, "CHAIR");
        String self = TestTokens.user("pd-self").roles("planning-deputy").province(p)
                .claim("national_id", form.get("nationalId")).sign();
        String path = base(p) + "/" + id;
        postIfMatch(self, path + "/decree", etag(TestTokens.secretariat(p), path), decree("ح-self")).statusCode(403)
                .body("type", equalTo("/problems/own-case"));
    }

    @Test
    void onePersonHoldsOneSeatOfABoard_409Art6() {
        String p = "IR-08";
        Map<String, Object> first = nomination("FACULTY", "MAIN_UNIVERSITY");
        Map<String, Object> again = new java.util.HashMap<>(nomination("EMPLOYERS_SECRETARY", "OFFICE_HOLDER"));
        again.put("nationalId", first.get("nationalId"));
        String a = nominate(p, first);
        readyForDecree(p, a, "FACULTY");
        String b = nominate(p, again);
        readyForDecree(p, b, "EMPLOYERS_SECRETARY");
        String pd = TestTokens.planningDeputy(p);
        postIfMatch(pd, base(p) + "/" + a + "/decree", etag(pd, base(p) + "/" + a), decree("ح-a")).statusCode(200);
        postIfMatch(pd, base(p) + "/" + b + "/decree", etag(pd, base(p) + "/" + b), decree("ح-b")).statusCode(409)
                .body("rule", equalTo("Art. 6"));
    }
}

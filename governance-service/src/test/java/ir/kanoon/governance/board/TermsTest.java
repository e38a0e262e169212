package ir.kanoon.governance.board;

import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static ir.kanoon.governance.support.Gov.base;
import static ir.kanoon.governance.support.Gov.etag;
import static ir.kanoon.governance.support.Gov.nominate;
import static ir.kanoon.governance.support.Gov.postIfMatch;
import static ir.kanoon.governance.support.Gov.readyForDecree;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Terms (Art. 6): a term about to end is visible (flag, compliance); an ended term leaves a vacancy (daily job). */
@KanoonTest
class TermsTest {

    @Inject
    BoardService board;

    String decree(String p, String seat, LocalDate issuedOn, LocalDate termEnd) {
        String id = nominate(p, seat);
        readyForDecree(p, id, seat);
        String path = base(p) + "/" + id;
        postIfMatch(TestTokens.planningDeputy(p), path + "/decree", etag(TestTokens.secretariat(p), path),
                Map.of("decreeNumber", "ح-t" + id.substring(0, 6), "issuedOn", issuedOn.toString(), "termEnd", termEnd.toString()))
                .statusCode(200);
        return id;
    }

    @Test
    void termEndingIsVisible_andAnExpiredTermLeavesAVacancy() {
        String p = "IR-05";
        LocalDate today = LocalDate.now();
        String ending = decree(p, "FACULTY", today.minusYears(2), today.plusDays(30));
        String expired = decree(p, "BROADCASTING_HEAD", today.minusYears(2), today.minusDays(2));
        String sec = TestTokens.secretariat(p);
        given().auth().oauth2(sec).get(base(p) + "/" + ending).then().body("termEnding", equalTo(true));
        given().auth().oauth2(sec).get("/api/v1/compliance/" + p).then()
                .body("checks.find { it.check == 'TERMS_ENDING' }.status", equalTo("WARNING"))
                .body("checks.find { it.check == 'TERMS_ENDING' }.facts.ending.appointmentId", hasItem(ending));

        board.runDaily();
        given().auth().oauth2(sec).get(base(p) + "/" + expired).then().body("status", equalTo("ENDED"))
                .body("endReason", equalTo("TERM_ENDED")).body("endedOn", equalTo(today.minusDays(1).toString()));
        given().auth().oauth2(sec).get("/api/v1/boards/" + p).then()
                .body("seats.find { it.seat == 'BROADCASTING_HEAD' }.vacancies", equalTo(1));
        given().auth().oauth2(sec).get(base(p) + "/" + ending + "/history").then()
                .body("action", hasItem("TERM_ENDING"));
    }
}

package ir.kanoon.governance.programme;

import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Programmes of the Association's plan (Art. 3) through the API. */
@KanoonTest
class ProgrammeApiTest {

    static final String P = "IR-30";

    static Map<String, Object> form(List<String> clauses, int progress) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", "دوره آموزشی كارآفريني");
        m.put("clauses", clauses);
        m.put("owner", "کارگروه فرهنگ و آموزش");
        m.put("plannedStart", LocalDate.now().minusDays(10).toString());
        m.put("plannedEnd", LocalDate.now().plusMonths(2).toString());
        m.put("status", "IN_PROGRESS");
        m.put("progress", progress);
        return m;
    }

    @Test
    void art3_programmeTaggedWithClauses_updatedWithIfMatch_provinceScoped() {
        String sec = TestTokens.secretariat(P);
        String id = given().auth().oauth2(sec).contentType("application/json").queryParam("province", P)
                .body(form(List.of("3-6", "3-1"), 40)).post("/api/v1/programmes").then().statusCode(201)
                .body("clauses", equalTo(List.of("3-1", "3-6"))).body("title", equalTo("دوره آموزشی کارآفرینی"))
                .extract().path("id");
        String path = "/api/v1/programmes/" + id;
        // invalid clause → 400 naming the field
        given().auth().oauth2(sec).contentType("application/json").queryParam("province", P)
                .body(form(List.of("3-18"), 0)).post("/api/v1/programmes").then().statusCode(400)
                .body("violations.field", hasItem("clauses"));
        // another province, a read-only role
        given().auth().oauth2(TestTokens.secretariat("IR-31")).contentType("application/json").queryParam("province", P)
                .body(form(List.of("3-1"), 0)).post("/api/v1/programmes").then().statusCode(403);
        given().auth().oauth2(TestTokens.ministryAnalyst()).contentType("application/json").queryParam("province", P)
                .body(form(List.of("3-1"), 0)).post("/api/v1/programmes").then().statusCode(403);
        given().auth().oauth2(TestTokens.secretariat("IR-31")).get(path).then().statusCode(404);
        // If-Match
        given().auth().oauth2(sec).contentType("application/json").body(form(List.of("3-1"), 70)).put(path).then()
                .statusCode(428);
        given().auth().oauth2(sec).contentType("application/json").header("If-Match", "\"7\"")
                .body(form(List.of("3-1"), 70)).put(path).then().statusCode(412);
        given().auth().oauth2(sec).contentType("application/json").header("If-Match", "\"0\"")
                .body(form(List.of("3-1", "3-6"), 70)).put(path).then().statusCode(200).body("progress", equalTo(70));
        given().auth().oauth2(sec).queryParam("clause", "3-6").get("/api/v1/programmes").then().statusCode(200)
                .body("items.id", hasItem(id));
        given().auth().oauth2(TestTokens.member("m-" + P, P)).queryParam("province", P).get("/api/v1/programmes").then()
                .statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(sec).get(path + "/history").then().statusCode(200).body("action", equalTo(List.of("CREATED", "UPDATED")));
        // the current quarter's report shows the progress per clause
        var q = ir.kanoon.platform.jalali.JalaliQuarter.of(ir.kanoon.platform.jalali.TehranTime.today());
        given().auth().oauth2(sec).get("/api/v1/reports/" + P + "/" + q.year() + "/Q" + q.quarter()).then().statusCode(200)
                .body("figures.programmeProgressByClause.'3-6'", equalTo(70));
    }
}

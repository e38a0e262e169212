package ir.kanoon.e2e;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * ideabank-service through the gateway with real Keycloak tokens: confidentiality by role (Isfahan's member does
 * not learn that Tehran's REVIEWERS idea exists, Tehran's secretariat reads it), Persian-aware duplicate
 * detection (Arabic ي/ك, no ZWNJ) and province isolation of management acts.
 */
class IdeabankIT {

    private static Map<String, Object> idea(String title, String summary, String confidentiality) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "IDEA");
        body.put("title", title);
        body.put("summary", summary);
        body.put("description", "شرح محرمانه " + UUID.randomUUID());
        body.put("sector", "AGRICULTURE");
        body.put("stage", "CONCEPT");
        body.put("supportSought", List.of("FUNDING"));
        body.put("province", "IR-07");
        body.put("confidentiality", confidentiality);
        return body;
    }

    @Test
    void confidentialityDuplicatesAndIsolation_throughTheGateway() {
        String ideas = Stack.GATEWAY + "/api/v1/ideas";
        String applicant = Stack.tokenOf("tehran-applicant");
        String tehranSec = Stack.tokenOf("tehran-secretariat");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String original = given().auth().oauth2(applicant).contentType("application/json")
                .body(idea("سامانه\u200Cی هوشمند آبیاری " + run, "پایش رطوبت خاک مزرعه\u200Cها با حسگر", "REVIEWERS"))
                .post(ideas).then().statusCode(201).extract().path("id");
        String duplicate = given().auth().oauth2(applicant).contentType("application/json")
                .body(idea("سامانهي هوشمند آبياري " + run, "پايش رطوبت خاك مزرعهها با حسگر", "PUBLIC"))
                .post(ideas).then().statusCode(201).extract().path("id");

        given().auth().oauth2(Stack.tokenOf("isfahan-member")).get(ideas + "/" + original).then().statusCode(404);
        given().auth().oauth2(tehranSec).get(ideas + "/" + original).then().statusCode(200)
                .body("description", notNullValue());
        given().auth().oauth2(tehranSec).get(ideas + "/" + duplicate + "/similar").then().statusCode(200)
                .body("id", hasItem(original));
        given().auth().oauth2(Stack.tokenOf("isfahan-member")).get(ideas + "/" + duplicate + "/similar").then()
                .statusCode(200).body("id", not(hasItem(original)));

        String etag = given().auth().oauth2(tehranSec).get(ideas + "/" + duplicate).then().extract().header("ETag");
        given().auth().oauth2(Stack.tokenOf("isfahan-secretariat")).header("If-Match", etag).contentType("application/json")
                .body(Map.of("to", "SCREENING", "reason", "x")).post(ideas + "/" + duplicate + "/status").then().statusCode(403);
        given().auth().oauth2(tehranSec).header("If-Match", etag).contentType("application/json")
                .body(Map.of("to", "SCREENING", "reason", "بررسی اولیه")).post(ideas + "/" + duplicate + "/status").then()
                .statusCode(200).body("status", equalTo("SCREENING"));
    }
}

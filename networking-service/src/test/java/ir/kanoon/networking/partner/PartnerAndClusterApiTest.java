package ir.kanoon.networking.partner;

import ir.kanoon.networking.support.Members;
import ir.kanoon.networking.support.Members.M;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static ir.kanoon.networking.support.Api.get;
import static ir.kanoon.networking.support.Api.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Partners with their engagement log, the philanthropists' view (Art. 3-17), and clusters (Art. 3-13). */
@KanoonTest
class PartnerAndClusterApiTest {

    static final String P = "IR-21";

    static String partner(String kind, String name) {
        return post(TestTokens.secretariat(P), "/api/v1/partners", Map.of("province", P, "kind", kind, "name", name,
                "contacts", List.of(Map.of("name", "دفتر", "role", "روابط عمومی", "email", "office@example.ir",
                        "phone", "+989121234567")))).statusCode(201).extract().path("id");
    }

    @Test
    void engagementLog_donationsOnlyForPhilanthropists_andTheCommunityView() {
        String university = partner("UNIVERSITY", "دانشگاه نمونه");
        String benefactor = partner("PHILANTHROPIST", "بنیاد نیکوکاری");
        String sec = TestTokens.secretariat(P);
        post(sec, "/api/v1/partners/" + university + "/engagements", Map.of("kind", "MOU", "occurredOn", "2026-11-20",
                "title", "تفاهم‌نامهٔ همکاری", "reference", "MOU-12")).statusCode(201)
                .body("occurredOnJalali", equalTo("1405-08-29"));
        post(sec, "/api/v1/partners/" + university + "/engagements", Map.of("kind", "DONATION",
                "occurredOn", "2026-11-20", "title", "x", "amountRials", 1000)).statusCode(422)
                .body("rule", equalTo("Art. 3-17"));
        post(sec, "/api/v1/partners/" + benefactor + "/engagements", Map.of("kind", "DONATION",
                "occurredOn", "2026-11-21", "title", "کمک به صندوق")).statusCode(400)
                .body("violations[0].field", equalTo("amountRials"));
        post(sec, "/api/v1/partners/" + benefactor + "/engagements", Map.of("kind", "DONATION",
                "occurredOn", "2026-11-21", "title", "کمک به صندوق", "amountRials", 5_000_000_000L)).statusCode(201);
        post(sec, "/api/v1/partners/" + benefactor + "/engagements", Map.of("kind", "PLEDGE",
                "occurredOn", "2026-11-22", "title", "تعهد", "amountRials", 2_000_000_000L)).statusCode(201);
        get(sec, "/api/v1/partners/" + university + "/engagements").statusCode(200)
                .body("items.kind", equalTo(List.of("MOU")));
        get(sec, "/api/v1/partners/" + benefactor + "/history").statusCode(200)
                .body("action", org.hamcrest.Matchers.hasItems("REGISTERED", "ENGAGEMENT_DONATION", "ENGAGEMENT_PLEDGE"));
        get(TestTokens.secretariat("IR-07"), "/api/v1/partners/" + benefactor + "/history").statusCode(404);

        var community = get(sec, "/api/v1/partners/philanthropists?limit=100").statusCode(200).extract().jsonPath();
        List<String> ids = community.getList("items.id");
        org.junit.jupiter.api.Assertions.assertTrue(ids.contains(benefactor));
        org.junit.jupiter.api.Assertions.assertFalse(ids.contains(university));
        Map<String, Object> row = community.getMap("items.find { it.id == '" + benefactor + "' }");
        org.junit.jupiter.api.Assertions.assertEquals(5_000_000_000L, ((Number) row.get("donatedRials")).longValue());
        org.junit.jupiter.api.Assertions.assertEquals(2_000_000_000L, ((Number) row.get("pledgedRials")).longValue());
    }

    @Test
    void provinceIsolation_andContactsOnlyForStaff() {
        String id = partner("INCUBATOR", "مرکز رشد");
        String path = "/api/v1/partners/" + id;
        post(TestTokens.secretariat("IR-07"), "/api/v1/partners", Map.of("province", P, "kind", "NGO", "name", "x"))
                .statusCode(403);
        post(TestTokens.ministryAnalyst(), "/api/v1/partners", Map.of("province", P, "kind", "NGO", "name", "x"))
                .statusCode(403);
        post(TestTokens.secretariat("IR-07"), path + "/engagements", Map.of("kind", "EVENT",
                "occurredOn", "2026-11-20", "title", "x")).statusCode(404);
        get(TestTokens.secretariat(P), path).statusCode(200).body("contacts[0].phone", equalTo("09121234567"));
        get(TestTokens.member("m-" + P, P), path).statusCode(200).body("contacts", nullValue());
        get(TestTokens.member("m-07", "IR-07"), path).statusCode(404);
        get(TestTokens.secretariat("IR-07"), "/api/v1/partners?province=" + P).statusCode(403);
        get(TestTokens.member("m-" + P, P), path + "/engagements").statusCode(403);
    }

    @Test
    void clusterWithMemberEnterprisesAndPartners() {
        String partner = partner("SCIENCE_TECHNOLOGY_PARK", "پارک علم و فناوری");
        M enterprise = Members.admitted(P, "کارگاه فرش");
        M elsewhere = Members.admitted("IR-07", "کارگاه تهران");
        String sec = TestTokens.secretariat(P);
        Map<String, Object> body = new HashMap<>(Map.of("province", P, "name", "خوشهٔ فرش دستباف",
                "valueChain", "فرش", "status", "FORMING", "memberIds", List.of(enterprise.memberId().toString()),
                "partnerIds", List.of(partner)));
        String id = post(sec, "/api/v1/clusters", body).statusCode(201)
                .body("members[0].displayName", equalTo("کارگاه فرش")).extract().path("id");
        String path = "/api/v1/clusters/" + id;
        String etag = given().auth().oauth2(sec).get(path).then().statusCode(200).extract().header("ETag");
        body.put("memberIds", List.of(enterprise.memberId().toString(), elsewhere.memberId().toString()));
        given().auth().oauth2(sec).contentType("application/json").header("If-Match", etag).body(body).put(path)
                .then().statusCode(400).body("violations[0].field", equalTo("memberIds[1]"));
        body.put("memberIds", List.of(enterprise.memberId().toString()));
        body.put("status", "ACTIVE");
        given().auth().oauth2(TestTokens.secretariat("IR-07")).contentType("application/json").header("If-Match", etag)
                .body(body).put(path).then().statusCode(403);
        given().auth().oauth2(sec).contentType("application/json").body(body).put(path).then().statusCode(428);
        given().auth().oauth2(sec).contentType("application/json").header("If-Match", etag).body(body).put(path)
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
        given().auth().oauth2(sec).contentType("application/json").header("If-Match", etag).body(body).put(path)
                .then().statusCode(412);
        get(TestTokens.member("m-" + P, P), "/api/v1/clusters").statusCode(200).body("items.id", hasItem(id));
        get(TestTokens.member("m-07", "IR-07"), "/api/v1/clusters").statusCode(200).body("items.id", not(hasItem(id)));
        get(sec, path + "/history").statusCode(200).body("action", org.hamcrest.Matchers.hasItems("CREATED", "UPDATED"));
    }
}

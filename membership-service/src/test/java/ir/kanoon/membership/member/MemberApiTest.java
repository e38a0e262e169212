package ir.kanoon.membership.member;

import com.fasterxml.jackson.databind.JsonNode;
import ir.kanoon.membership.support.Events;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static ir.kanoon.membership.support.Fixtures.admit;
import static ir.kanoon.membership.support.Fixtures.applicant;
import static ir.kanoon.membership.support.Fixtures.entrepreneur;
import static ir.kanoon.membership.support.Fixtures.ministryAnalyst;
import static ir.kanoon.membership.support.Fixtures.nationalId;
import static ir.kanoon.membership.support.Fixtures.post;
import static ir.kanoon.membership.support.Fixtures.secretariat;
import static ir.kanoon.membership.support.Fixtures.trustee;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Members through REST: status changes (Art. 7, R8), search, paging, stats, history, expiry, events. */
@KanoonTest
class MemberApiTest {

    private static final String TEHRAN = "IR-07";
    private static final String FARS = "IR-14";

    @Inject
    MemberExpiryJob expiryJob;

    @Inject
    EntityManager em;

    @Test
    void r8_suspendReinstateRenewTerminate_eachWithReasonResolutionHistoryAndEvent() {
        String memberId = admit("m-status", entrepreneur(TEHRAN, nationalId()));
        String sec = secretariat(TEHRAN);
        String path = "/api/v1/members/" + memberId;
        post(sec, path + "/suspend", Map.of("reason", "غیبت")).statusCode(422).body("rule", equalTo("Art. 7"));
        post(sec, path + "/suspend", Map.of("resolutionRef", "HT-9")).statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        post(trustee(TEHRAN), path + "/suspend", Map.of("reason", "x", "resolutionRef", "HT-9")).statusCode(403);
        post(secretariat("IR-04"), path + "/suspend", Map.of("reason", "x", "resolutionRef", "HT-9")).statusCode(404);
        post(sec, path + "/suspend", Map.of("reason", "غیبت", "resolutionRef", "HT-9")).statusCode(200)
                .body("status", equalTo("SUSPENDED"));
        post(sec, path + "/renew", Map.of("reason", "x", "resolutionRef", "HT-9")).statusCode(409)
                .body("rule", equalTo("Art. 7"));
        post(sec, path + "/reinstate", Map.of("reason", "رفع مشکل", "resolutionRef", "HT-10")).statusCode(200)
                .body("status", equalTo("ACTIVE"));
        String termEnd = given().auth().oauth2(sec).get(path).then().extract().path("termEnd");
        post(sec, path + "/renew", Map.of("reason", "تمدید", "resolutionRef", "HT-11")).statusCode(200)
                .body("termEnd", equalTo(LocalDate.parse(termEnd).plusYears(2).toString()));
        given().auth().oauth2(sec).header("If-Match", "\"0\"").contentType("application/json")
                .body(Map.of("reason", "x", "resolutionRef", "HT-12")).post(path + "/terminate")
                .then().statusCode(412);
        post(sec, path + "/terminate", Map.of("reason", "استعفا", "resolutionRef", "HT-12")).statusCode(200)
                .body("status", equalTo("TERMINATED"));

        given().auth().oauth2(sec).get(path + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("ADMITTED", "SUSPEND", "REINSTATE", "RENEW", "TERMINATE")))
                .body("[1].reason", equalTo("غیبت"))
                .body("[1].resolutionRef", equalTo("HT-9"))
                .body("[1].actor", equalTo("sec-IR-07"))
                .body("[4].toStatus", equalTo("TERMINATED"));

        List<JsonNode> events = Events.readUntil(Duration.ofSeconds(20),
                seen -> Events.about(seen, memberId).size() >= 5);
        assertEquals(List.of("ir.kanoon.membership.member.admitted.v1", "ir.kanoon.membership.member.suspended.v1",
                "ir.kanoon.membership.member.reinstated.v1", "ir.kanoon.membership.member.renewed.v1",
                "ir.kanoon.membership.member.terminated.v1"), Events.types(Events.about(events, memberId)));
    }

    @Test
    void memberEditsOwnProfile_publishesProfileUpdated_andIdentityFieldsAreNotPatchable() {
        String memberId = admit("m-profile", entrepreneur(TEHRAN, nationalId()));
        String me = applicant("m-profile");
        given().auth().oauth2(me).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("expertise", List.of("بازاریابی دیجیتال"), "mobile", "09351112233"))
                .patch("/api/v1/members/" + memberId).then().statusCode(200)
                .body("expertise", equalTo(List.of("بازاریابی دیجیتال"))).body("mobile", equalTo("09351112233"));
        given().auth().oauth2(me).contentType("application/json").body(Map.of("nationalId", "0010350829"))
                .patch("/api/v1/members/" + memberId).then().statusCode(400)
                .body("violations[0].field", equalTo("nationalId"));
        given().auth().oauth2(me).contentType("application/json").header("If-Match", "\"1\"")
                .body(Map.of("mobile", "123"))
                .patch("/api/v1/members/" + memberId).then().statusCode(400)
                .body("violations[0].field", equalTo("mobile"));
        given().auth().oauth2(applicant("someone")).contentType("application/json").body(Map.of("city", "x"))
                .patch("/api/v1/members/" + memberId).then().statusCode(404);
        List<JsonNode> events = Events.readUntil(Duration.ofSeconds(20), seen -> Events.types(Events.about(seen, memberId))
                .contains("ir.kanoon.membership.member.profile-updated.v1"));
        JsonNode updated = Events.about(events, memberId).stream()
                .filter(e -> e.path("type").asText().endsWith("profile-updated.v1")).findFirst().orElseThrow();
        assertEquals("بازاریابی دیجیتال", updated.path("data").path("expertise").get(0).asText());
        assertTrue(!updated.toString().contains("09351112233"));
    }

    @Test
    void searchFoldsPersianSpellings_arabicYehAndKafFindPersianExpertise() {
        Map<String, Object> body = entrepreneur(FARS, nationalId());
        body.put("expertise", List.of("کارآفرینی اجتماعی"));
        body.put("lastName", "شیرازی‌نژاد");
        String memberId = admit("m-search", body);
        String sec = secretariat(FARS);
        given().auth().oauth2(sec).queryParam("q", "كارآفريني").get("/api/v1/members").then().statusCode(200)
                .body("items.id", hasItem(memberId));
        given().auth().oauth2(sec).queryParam("q", "کار آفرینی").get("/api/v1/members").then().statusCode(200)
                .body("items.id", hasItem(memberId));
        given().auth().oauth2(sec).queryParam("q", "شيرازي نژاد").get("/api/v1/members").then().statusCode(200)
                .body("items.id", hasItem(memberId));
        given().auth().oauth2(sec).queryParam("q", "karimi").get("/api/v1/members").then().statusCode(200)
                .body("items.id", hasItem(memberId));
        given().auth().oauth2(sec).queryParam("q", "کارآفرینی فضایی").get("/api/v1/members").then().statusCode(200)
                .body("items.id", not(hasItem(memberId)));
        given().auth().oauth2(sec).queryParam("expertise", "كارآفريني اجتماعي").get("/api/v1/members").then()
                .statusCode(200).body("items.id", hasItem(memberId));
        given().auth().oauth2(sec).queryParam("q", "%").get("/api/v1/members").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void listingIsCursorPagedProvinceScopedAndMasked() {
        String province = "IR-21";
        List<String> admitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            admitted.add(admit("m-page-" + i, entrepreneur(province, nationalId())));
        }
        String sec = secretariat(province);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = given().auth().oauth2(sec).queryParam("limit", 2).queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/v1/members").then().statusCode(200)
                    .body("items.province", everyItem(equalTo(province))).extract().jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(admitted, seen, "keyset order is admission order, every member once");
        assertEquals(3, pages);
        assertEquals(5, new HashSet<>(seen).size());

        // The province's members see each other, masked; the ministry sees personal data.
        String member = TestTokens.user("m-page-0").roles("member").claim("member_province", province).sign();
        given().auth().oauth2(member).get("/api/v1/members/" + admitted.get(1)).then().statusCode(200)
                .body("personalDataMasked", equalTo(true)).body("birthDate", nullValue());
        given().auth().oauth2(member).get("/api/v1/members/" + admitted.get(0)).then().statusCode(200)
                .body("personalDataMasked", equalTo(false));
        given().auth().oauth2(ministryAnalyst()).queryParam("province", province).get("/api/v1/members").then()
                .statusCode(200).body("items.personalDataMasked", everyItem(equalTo(false)));
        given().auth().oauth2(sec).queryParam("province", TEHRAN).get("/api/v1/members").then().statusCode(403);
        given().auth().oauth2(secretariat(TEHRAN)).get("/api/v1/members/" + admitted.get(0)).then().statusCode(404);
        given().auth().oauth2(applicant("not-a-member")).get("/api/v1/members").then().statusCode(403);
        given().auth().oauth2(sec).queryParam("cursor", "bm9wZQ").get("/api/v1/members").then().statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
    }

    @Test
    void statsCountByCategorySectorAndStatus_nationalForMinistry() {
        String province = "IR-25";
        admit("m-stats-1", entrepreneur(province, nationalId()));
        Map<String, Object> services = entrepreneur(province, nationalId());
        services.put("sector", "SERVICES");
        String suspended = admit("m-stats-2", services);
        post(secretariat(province), "/api/v1/members/" + suspended + "/suspend",
                Map.of("reason", "x", "resolutionRef", "HT-1")).statusCode(200);
        given().auth().oauth2(secretariat(province)).get("/api/v1/members/stats").then().statusCode(200)
                .body("province", equalTo(province))
                .body("total", equalTo(2))
                .body("active", equalTo(1))
                .body("byStatus.SUSPENDED", equalTo(1))
                .body("byCategory.ENTREPRENEUR", equalTo(1))
                .body("bySector.INDUSTRIAL", equalTo(1))
                .body("bySector.SERVICES", equalTo(0))
                .body("byCategory.FACULTY", equalTo(0));
        given().auth().oauth2(ministryAnalyst()).get("/api/v1/members/stats").then().statusCode(200)
                .body("province", nullValue()).body("total", greaterThanOrEqualTo(2));
        given().auth().oauth2(secretariat(province)).queryParam("province", TEHRAN).get("/api/v1/members/stats")
                .then().statusCode(403);
    }

    @Test
    void r8_expiryJobExpiresMembersPastTheirTermAndPublishesMemberExpired() {
        String memberId = admit("m-expire", entrepreneur(TEHRAN, nationalId()));
        String keep = admit("m-keep", entrepreneur(TEHRAN, nationalId()));
        setTermEnd(UUID.fromString(memberId), LocalDate.now().minusDays(3));
        assertTrue(expiryJob.run(LocalDate.now()) >= 1);
        String sec = secretariat(TEHRAN);
        given().auth().oauth2(sec).get("/api/v1/members/" + memberId).then().body("status", equalTo("EXPIRED"));
        given().auth().oauth2(sec).get("/api/v1/members/" + keep).then().body("status", equalTo("ACTIVE"));
        given().auth().oauth2(sec).get("/api/v1/members/" + memberId + "/history").then()
                .body("[-1].action", equalTo("EXPIRE")).body("[-1].actor", equalTo("system:membership-service"));
        List<JsonNode> events = Events.readUntil(Duration.ofSeconds(20), seen -> Events.types(Events.about(seen, memberId))
                .contains("ir.kanoon.membership.member.expired.v1"));
        JsonNode expired = Events.about(events, memberId).get(Events.about(events, memberId).size() - 1);
        assertEquals("EXPIRED", expired.path("data").path("status").asText());
        assertEquals("ACTIVE", expired.path("data").path("previousStatus").asText());
        // An expired member renews on a Board resolution and is ACTIVE again with a new term.
        post(sec, "/api/v1/members/" + memberId + "/renew", Map.of("reason", "تمدید", "resolutionRef", "HT-20"))
                .statusCode(200).body("status", equalTo("ACTIVE")).body("termEnd", notNullValue());
    }

    @Transactional
    void setTermEnd(UUID id, LocalDate termEnd) {
        em.createNativeQuery("UPDATE member SET term_end = :t WHERE id = :id")
                .setParameter("t", termEnd).setParameter("id", id).executeUpdate();
    }
}

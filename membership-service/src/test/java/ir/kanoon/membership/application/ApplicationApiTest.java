package ir.kanoon.membership.application;

import com.fasterxml.jackson.databind.JsonNode;
import ir.kanoon.membership.support.Events;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static ir.kanoon.membership.support.Fixtures.admit;
import static ir.kanoon.membership.support.Fixtures.applicant;
import static ir.kanoon.membership.support.Fixtures.entrepreneur;
import static ir.kanoon.membership.support.Fixtures.labourDg;
import static ir.kanoon.membership.support.Fixtures.ministryAnalyst;
import static ir.kanoon.membership.support.Fixtures.nationalId;
import static ir.kanoon.membership.support.Fixtures.person;
import static ir.kanoon.membership.support.Fixtures.post;
import static ir.kanoon.membership.support.Fixtures.secretariat;
import static ir.kanoon.membership.support.Fixtures.submit;
import static ir.kanoon.membership.support.Fixtures.submitAs;
import static ir.kanoon.membership.support.Fixtures.trustee;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Applications through REST against real PostgreSQL and Kafka: lifecycle (Art. 7, R8), categories (Art. 4, R7), rules. */
@KanoonTest
class ApplicationApiTest {

    private static final String TEHRAN = "IR-07";
    private static final String ISFAHAN = "IR-04";

    @Test
    void r8_fullLifecycle_submitReviewNeedsInfoResubmitApprove_admitsAMemberAndPublishesEvents() {
        String nid = nationalId();
        String me = person("person-lifecycle", nid);
        String appId = submit(me, entrepreneur(TEHRAN, nid)).statusCode(201)
                .header("Location", containsString("/api/v1/applications/"))
                .header("ETag", "\"0\"")
                .body("status", equalTo("SUBMITTED"))
                .body("firstName", equalTo("مریم"))                // canonical Persian yeh
                .body("mobile", equalTo("09121234567"))            // normalised from +98
                .body("nationalId", equalTo(nid))                  // the person sees their own data
                .body("businessLicenceNumber", equalTo("123456"))
                .body("personalDataMasked", equalTo(false))
                .extract().path("id");
        String sec = secretariat(TEHRAN);

        // A decision without a review is not the Board-supervised process (Art. 7).
        post(sec, "/api/v1/applications/" + appId + "/decision", Map.of("decision", "APPROVED", "resolutionRef", "HT-1"))
                .statusCode(409).body("rule", equalTo("Art. 7"));

        post(sec, "/api/v1/applications/" + appId + "/review", null).statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"));
        post(labourDg(TEHRAN), "/api/v1/applications/" + appId + "/decision",
                Map.of("decision", "NEEDS_INFO", "reason", "مدارک ثبت شرکت را بفرستید"))
                .statusCode(200).body("status", equalTo("NEEDS_INFO"))
                .body("decision.reason", equalTo("مدارک ثبت شرکت را بفرستید"));

        // The applicant completes it: NEEDS_INFO -> SUBMITTED.
        given().auth().oauth2(me).contentType("application/json").header("If-Match", "\"2\"")
                .body(Map.of("registrationNumber", "x", "category", "ENTREPRENEUR", "employees", 130))
                .patch("/api/v1/applications/" + appId)
                .then().statusCode(400).body("violations.field", hasItem("registrationNumber"));
        given().auth().oauth2(me).contentType("application/json").header("If-Match", "\"2\"")
                .body(Map.of("employees", 130))
                .patch("/api/v1/applications/" + appId)
                .then().statusCode(200).body("status", equalTo("SUBMITTED")).body("employees", equalTo(130));

        post(sec, "/api/v1/applications/" + appId + "/review", null).statusCode(200);
        String memberId = post(sec, "/api/v1/applications/" + appId + "/decision",
                Map.of("decision", "APPROVED", "resolutionRef", "HT-1405-12", "reason", "واجد شرایط"))
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decision.decision", equalTo("APPROVED"))
                .body("decision.decidedBy", equalTo("sec-IR-07"))
                .body("decision.resolutionRef", equalTo("HT-1405-12"))
                .body("memberId", notNullValue())
                .extract().path("memberId");

        given().auth().oauth2(me).get("/api/v1/members/me").then().statusCode(200)
                .body("id", equalTo(memberId))
                .body("status", equalTo("ACTIVE"))
                .body("membershipNumber", matchesPattern("IR-07-14\\d\\d-\\d{5}"))
                .body("termEnd", notNullValue())
                .body("termEndJalali", matchesPattern("14\\d\\d-\\d\\d-\\d\\d"));

        given().auth().oauth2(sec).get("/api/v1/applications/" + appId + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("SUBMITTED", "REVIEW_STARTED", "DECIDED_NEEDS_INFO", "RESUBMITTED",
                        "REVIEW_STARTED", "DECIDED_APPROVED")))
                .body("[5].resolutionRef", equalTo("HT-1405-12"));

        List<JsonNode> events = Events.readUntil(Duration.ofSeconds(20),
                seen -> Events.types(Events.about(seen, memberId)).contains("ir.kanoon.membership.member.admitted.v1")
                        && Events.about(seen, appId).size() >= 4);
        List<String> appTypes = Events.types(Events.about(events, appId));
        assertEquals(List.of("ir.kanoon.membership.application.submitted.v1",
                "ir.kanoon.membership.application.decided.v1", "ir.kanoon.membership.application.submitted.v1",
                "ir.kanoon.membership.application.decided.v1"), appTypes);
        JsonNode admitted = Events.about(events, memberId).get(0);
        assertEquals("/kanoon/membership", admitted.path("source").asText());
        assertEquals(TEHRAN, admitted.path("provincecode").asText());
        JsonNode data = admitted.path("data");
        assertEquals(memberId, data.path("memberId").asText());
        assertEquals("ENTREPRENEUR", data.path("category").asText());
        assertEquals("INDUSTRIAL", data.path("sector").asText());
        assertEquals("مریم کریمی", data.path("displayName").asText());
        assertTrue(data.path("expertise").isArray());
        String raw = events.toString();
        assertFalse(raw.contains(nid), "national ID must never be in events");
        assertFalse(raw.contains("09121234567"), "mobile must never be in events");
    }

    @Test
    void r8_decisionsNeedTheBoardResolutionAndAReasonForRejection() {
        String appId = submitAs("person-r8", entrepreneur(TEHRAN, nationalId())).statusCode(201)
                .extract().path("id");
        String sec = secretariat(TEHRAN);
        post(sec, "/api/v1/applications/" + appId + "/review", null).statusCode(200);
        post(sec, "/api/v1/applications/" + appId + "/decision", Map.of("decision", "APPROVED"))
                .statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("Art. 7"))
                .body("type", equalTo("/problems/qualification.resolution-required"));
        post(sec, "/api/v1/applications/" + appId + "/decision", Map.of("decision", "REJECTED", "resolutionRef", "HT-2"))
                .statusCode(400).body("violations[0].field", equalTo("reason"));
        post(sec, "/api/v1/applications/" + appId + "/decision",
                Map.of("decision", "REJECTED", "resolutionRef", "HT-2", "reason", "سوابق کافی نیست"))
                .statusCode(200).body("status", equalTo("REJECTED")).body("memberId", nullValue());
        post(sec, "/api/v1/applications/" + appId + "/decision",
                Map.of("decision", "APPROVED", "resolutionRef", "HT-3")).statusCode(409).body("rule", equalTo("Art. 7"));
    }

    /**
     * R8 (Art. 7): qualification is decided under the Board's supervision; R13 (Art. 6 Notes 1, 3): keeping
     * the records is the act of the Directorate-General of Labour's staff — so only the province's
     * secretariat or labour-dg record a review or decision, not a trustee, the ministry or the applicant.
     */
    @Test
    void r8_r13_onlyTheProvincesSecretariatOrLabourDgRecordDecisions() {
        String appId = submitAs("person-who-decides", entrepreneur(TEHRAN, nationalId())).statusCode(201)
                .extract().path("id");
        // The Board's trustee reads it but does not record decisions; the ministry supervises but does not decide.
        post(trustee(TEHRAN), "/api/v1/applications/" + appId + "/review", null).statusCode(403);
        post(TestTokens.user("admin").roles("ministry-admin").sign(), "/api/v1/applications/" + appId + "/review", null)
                .statusCode(403);
        post(applicant("person-who-decides"), "/api/v1/applications/" + appId + "/review", null).statusCode(403);
        post(labourDg(TEHRAN), "/api/v1/applications/" + appId + "/review", null).statusCode(200);
    }

    @Test
    void onePersonNationwide_secondApplicationAnywhereIs409_withoutLeakingTheOtherProvince() {
        String nid = nationalId();
        String first = submitAs("person-dup", entrepreneur(ISFAHAN, nid)).statusCode(201).extract().path("id");

        // Someone else cannot apply with that national ID at all (national-ID binding, issue 7), so learns nothing.
        submit(person("someone-else", nationalId()), entrepreneur(TEHRAN, nid)).statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/national-id.not-yours"))
                .body("detail", not(containsString("Isfahan")))
                .header("Link", nullValue());
        // Tehran's staff filing under the same national ID are refused (one-person rule) but learn neither
        // where the other record is nor how to reach it: they may not see Isfahan's applications
        // (conventions: no existence disclosure).
        submit(secretariat(TEHRAN), entrepreneur(TEHRAN, nid)).statusCode(409)
                .contentType("application/problem+json")
                .body("type", startsWith("/problems/person."))
                .body("detail", not(containsString("Isfahan")))
                .body("detail", not(containsString(ISFAHAN)))
                .body("detail", not(containsString(first)))
                .header("Link", nullValue());
        // The same person is told where and pointed to their own application.
        submitAs("person-dup", entrepreneur(ISFAHAN, nid)).statusCode(409)
                .body("type", equalTo("/problems/person.open-application"))
                .body("detail", containsString("Isfahan"))
                .header("Link", containsString("/api/v1/applications/" + first));

        // Once admitted, the membership blocks new applications too (Persian digits are the same ID).
        String nid2 = nationalId();
        admit("person-dup-member", entrepreneur(ISFAHAN, nid2));
        Map<String, Object> again = entrepreneur(TEHRAN, toPersianDigits(nid2));
        submitAs("person-dup-member", again).statusCode(409)
                .body("type", equalTo("/problems/person.existing-membership"))
                .body("detail", containsString(ISFAHAN));
        given().auth().oauth2(labourDg(TEHRAN)).header("Accept-Language", "fa").contentType("application/json")
                .body(again).post("/api/v1/applications").then().statusCode(409)
                .body("type", startsWith("/problems/person."))
                .body("detail", not(containsString("اصفهان")))
                .body("detail", not(containsString(ISFAHAN)))
                .header("Link", nullValue());
    }

    @Test
    void provinceIsolation_tehranSecretariatCannotSeeOrDecideIsfahanApplications() {
        String appId = submitAs("person-isfahan", entrepreneur(ISFAHAN, nationalId())).statusCode(201)
                .extract().path("id");
        String tehran = secretariat(TEHRAN);
        given().auth().oauth2(tehran).get("/api/v1/applications/" + appId).then().statusCode(404)
                .contentType("application/problem+json");
        post(tehran, "/api/v1/applications/" + appId + "/review", null).statusCode(404);
        post(tehran, "/api/v1/applications/" + appId + "/decision", Map.of("decision", "APPROVED", "resolutionRef", "x"))
                .statusCode(404);
        given().auth().oauth2(tehran).queryParam("province", ISFAHAN).get("/api/v1/applications").then()
                .statusCode(403).body("type", equalTo("/problems/forbidden-province"));
        given().auth().oauth2(tehran).get("/api/v1/applications").then().statusCode(200)
                .body("items.province", everyItem(equalTo(TEHRAN)));
        given().auth().oauth2(secretariat(ISFAHAN)).get("/api/v1/applications/" + appId).then().statusCode(200);
        given().auth().oauth2(ministryAnalyst()).queryParam("province", ISFAHAN).get("/api/v1/applications")
                .then().statusCode(200).body("items.id", hasItem(appId));
        // Another applicant sees neither it nor it in their list.
        given().auth().oauth2(applicant("nosy")).get("/api/v1/applications/" + appId).then().statusCode(404);
        given().auth().oauth2(applicant("nosy")).get("/api/v1/applications").then().statusCode(200)
                .body("items.id", not(hasItem(appId)));
    }

    @Test
    void personalDataIsMaskedExceptForThePersonTheProvincesSecretariatAndTheMinistry() {
        String nid = nationalId();
        String appId = submitAs("person-mask", entrepreneur(TEHRAN, nid)).statusCode(201).extract().path("id");
        for (String sees : List.of(applicant("person-mask"), secretariat(TEHRAN), labourDg(TEHRAN), ministryAnalyst())) {
            given().auth().oauth2(sees).get("/api/v1/applications/" + appId).then().statusCode(200)
                    .body("nationalId", equalTo(nid)).body("mobile", equalTo("09121234567"))
                    .body("birthDate", equalTo("1985-08-02")).body("personalDataMasked", equalTo(false));
        }
        given().auth().oauth2(trustee(TEHRAN)).get("/api/v1/applications/" + appId).then().statusCode(200)
                .body("nationalId", equalTo("********" + nid.substring(8)))
                .body("mobile", equalTo("0912*****67"))
                .body("birthDate", nullValue())
                .body("email", nullValue())
                .body("personalDataMasked", equalTo(true))
                .body("firstName", equalTo("مریم"));
    }

    @Test
    void staleIfMatchIs412AndCurrentIfMatchPasses() {
        String nid = nationalId();
        String me = person("person-etag", nid);
        String appId = submit(me, entrepreneur(TEHRAN, nid)).statusCode(201).extract().path("id");
        given().auth().oauth2(me).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("city", "کرج")).patch("/api/v1/applications/" + appId)
                .then().statusCode(200).header("ETag", "\"1\"").body("city", equalTo("کرج"));
        given().auth().oauth2(me).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("city", "قم")).patch("/api/v1/applications/" + appId)
                .then().statusCode(412).contentType("application/problem+json").header("ETag", "\"1\"");
        given().auth().oauth2(secretariat(TEHRAN)).header("If-Match", "\"0\"")
                .post("/api/v1/applications/" + appId + "/review").then().statusCode(412);
        given().auth().oauth2(me).get("/api/v1/applications/" + appId).then().body("city", equalTo("کرج"));
    }

    @Test
    void idempotencyKeyReplayCreatesOneApplication() {
        Map<String, Object> body = entrepreneur(TEHRAN, nationalId());
        String me = person("person-idem", (String) body.get("nationalId"));
        String first = given().auth().oauth2(me).contentType("application/json").header("Idempotency-Key", "k-123")
                .body(body).post("/api/v1/applications").then().statusCode(201).extract().path("id");
        given().auth().oauth2(me).contentType("application/json").header("Idempotency-Key", "k-123")
                .body(body).post("/api/v1/applications").then().statusCode(201)
                .header("Idempotency-Replayed", "true").body("id", equalTo(first));
        given().auth().oauth2(me).get("/api/v1/applications").then().statusCode(200)
                .body("items.findAll { it.nationalId == '" + body.get("nationalId") + "' }.size()", equalTo(1));
    }

    @Test
    void invalidNationalIdMobileAndMissingFieldsAre400NamingEachField() {
        Map<String, Object> body = entrepreneur(TEHRAN, "0010350828");   // bad check digit
        body.put("mobile", "0812345678");
        body.remove("city");
        body.put("birthDate", "2020-01-01");
        submitAs("person-invalid", body).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("violations.field", hasItems("nationalId", "mobile", "city", "birthDate"))
                .body("violations.find { it.field == 'nationalId' }.message", containsString("national ID"));
        Map<String, Object> unknown = entrepreneur("IR-99", nationalId());
        submitAs("person-invalid", unknown).statusCode(400).body("violations.field", hasItem("province"));
        Map<String, Object> badEnum = entrepreneur(TEHRAN, nationalId());
        badEnum.put("category", "ASTRONAUT");
        submitAs("person-invalid", badEnum).statusCode(400).body("violations[0].field", equalTo("category"));
        submitAs("person-invalid", Map.of()).statusCode(400)
                .body("violations.field", hasItems("province", "category", "firstName", "nationalId", "mobile"));
    }

    @Test
    void r7_eachCategoryNeedsItsOwnFactsAndRefusesOthers() {
        Map<String, Object> faculty = entrepreneur(TEHRAN, nationalId());
        faculty.put("category", "FACULTY");
        submitAs("person-r7", faculty).statusCode(400)
                .body("violations.field", hasItems("university", "academicRank", "sector"))
                .body("violations.find { it.field == 'university' }.message", containsString("Art. 4"));
        faculty.remove("sector");
        faculty.put("university", "دانشگاه تهران");
        faculty.put("academicRank", "ASSOCIATE_PROFESSOR");
        submitAs("person-r7", faculty).statusCode(201).body("category", equalTo("FACULTY"));

        Map<String, Object> ngo = entrepreneur(TEHRAN, nationalId());
        ngo.put("category", "NGO_REPRESENTATIVE");
        ngo.remove("sector");
        submitAs("person-r7-ngo", ngo).statusCode(400)
                .body("violations.field", hasItems("organisation", "registrationNumber"));
        Map<String, Object> gov = entrepreneur(TEHRAN, nationalId());
        gov.put("category", "GOVERNMENT_REPRESENTATIVE");
        gov.remove("sector");
        gov.put("governmentBody", "سازمان برنامه و بودجه");
        submitAs("person-r7-gov", gov).statusCode(400).body("violations.field", equalTo(List.of("position")));
        Map<String, Object> entrepreneurWithoutSector = entrepreneur(TEHRAN, nationalId());
        entrepreneurWithoutSector.remove("sector");
        submitAs("person-r7-ent", entrepreneurWithoutSector).statusCode(400)
                .body("violations.field", equalTo(List.of("sector")));
    }

    @Test
    void withdrawIsTheApplicantsAndFreesTheNationalId() {
        String nid = nationalId();
        String me = person("person-withdraw", nid);
        String appId = submit(me, entrepreneur(TEHRAN, nid)).statusCode(201).extract().path("id");
        post(secretariat(TEHRAN), "/api/v1/applications/" + appId + "/withdraw", null).statusCode(403);
        post(me, "/api/v1/applications/" + appId + "/withdraw", Map.of("reason", "انصراف")).statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        post(me, "/api/v1/applications/" + appId + "/withdraw", null).statusCode(409);
        submit(me, entrepreneur(TEHRAN, nid)).statusCode(201);
    }

    @Test
    void unauthenticatedIs401AndUnknownIdIs404Problem() {
        given().get("/api/v1/applications").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(secretariat(TEHRAN)).get("/api/v1/applications/0190b3c2-0000-7000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static String toPersianDigits(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append((char) ('۰' + (c - '0')));
        }
        return b.toString();
    }
}

package ir.kanoon.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import ir.kanoon.platform.testing.AsyncApiDocument;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static ir.kanoon.e2e.Flows.EVENTUAL;
import static ir.kanoon.e2e.Flows.api;
import static ir.kanoon.e2e.Flows.etag;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scenarios a province lives through (issue 12), one test each, in order, on the e2e stack's fresh databases
 * ({@code kanoon up --reset}): each drives the services only through the gateway with Keycloak tokens and asserts
 * the effect the events have in the <em>other</em> services. Scenario 7 then reads every {@code kanoon.*.events}
 * topic and checks the CloudEvents of scenarios 1–5 against the services' AsyncAPI documents, and the ministry
 * dashboard example is checked against the services' own APIs.
 *
 * <p>Tehran's Board is filled to its 11 seats here, so these scenarios need a stack whose Tehran Board is empty
 * (the e2e stack always is); other ITs use Isfahan for Board appointments.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvinceLifeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEHRAN = "IR-07";

    /** Aggregate ids (CloudEvents subjects) each scenario created, by service, for scenario 7. */
    private static final Map<String, Set<String>> SUBJECTS = new LinkedHashMap<>();
    /** CloudEvents types scenario 7 must find about those subjects, by service. */
    private static final Map<String, Set<String>> EXPECTED_TYPES = new LinkedHashMap<>();

    private static Flows.Admitted firstMember;
    private static String boardMeetingId;
    private static String ideaId;
    private static String tourId;

    private static void remember(String service, String subject, String... types) {
        SUBJECTS.computeIfAbsent(service, s -> new LinkedHashSet<>()).add(subject);
        for (String t : types) {
            EXPECTED_TYPES.computeIfAbsent(service, s -> new LinkedHashSet<>()).add("ir.kanoon." + service + "." + t + ".v1");
        }
    }

    private static long count(JsonNode map, String key) {
        return map == null ? 0 : map.path(key).asLong(0);
    }

    private static JsonNode report(String token, String url) throws Exception {
        return JSON.readTree(given().auth().oauth2(token).get(url).then().statusCode(200).extract().asString());
    }

    private static String check(JsonNode compliance, String name) {
        for (JsonNode c : compliance.path("checks")) {
            if (name.equals(c.path("check").asText())) {
                return c.path("status").asText();
            }
        }
        return "missing";
    }

    private static JsonNode compliance(String token) throws Exception {
        return JSON.readTree(given().auth().oauth2(token).get(api("/compliance/" + TEHRAN)).then().statusCode(200)
                .extract().asString());
    }

    // ------------------------------------------------------------------------------------------ scenario 1

    /**
     * Scenario 1 (Art. 7, R8): an entrepreneur applies, the secretariat reviews, the labour DG approves → the member
     * appears in networking's directory and in governance's member counts (the running quarter's report).
     */
    @Test
    @Order(1)
    void s1_anApprovedApplicantAppearsInNetworkingsDirectoryAndGovernancesMemberCounts() throws Exception {
        String secretariat = Stack.tokenOf("tehran-secretariat");
        String reportUrl = Flows.reportUrl(secretariat, TEHRAN, 0);
        JsonNode before = report(secretariat, reportUrl).path("figures");

        firstMember = Flows.admit(TEHRAN, "tehran", "مریم", "کاظمی");
        remember("membership", firstMember.applicationId(), "application.submitted", "application.decided");
        remember("membership", firstMember.memberId(), "member.admitted");

        Flows.awaitInDirectory(firstMember.memberId());
        given().auth().oauth2(secretariat).get(api("/directory/" + firstMember.memberId())).then().statusCode(200)
                .body("province", equalTo(TEHRAN)).body("category", equalTo("ENTREPRENEUR"));

        long admittedBefore = count(before.path("membersAdmittedByCategory"), "ENTREPRENEUR");
        long activeBefore = count(before.path("membersActiveByCategory"), "ENTREPRENEUR");
        await("governance counts the new member").atMost(EVENTUAL).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode f = report(secretariat, reportUrl).path("figures");
            assertEquals(admittedBefore + 1, count(f.path("membersAdmittedByCategory"), "ENTREPRENEUR"), f.toString());
            assertEquals(activeBefore + 1, count(f.path("membersActiveByCategory"), "ENTREPRENEUR"), f.toString());
        });
    }

    // ------------------------------------------------------------------------------------------ scenario 2

    /** One nomination through to its decree (R3–R5); returns the appointment id. */
    private static String appoint(String seat, String nominatedBy, String fullName, String userId) {
        String secretariat = Stack.tokenOf("tehran-secretariat");
        String dg = Stack.tokenOf("tehran-labour-dg");
        String pd = Stack.tokenOf("tehran-planning-deputy");
        String recorder = "LABOUR_DG".equals(nominatedBy) ? dg : secretariat; // R4: the labour DG records experts
        Map<String, Object> nomination = new HashMap<>(Map.of("seat", seat, "fullName", fullName,
                "nationalId", MembershipIT.nationalId(), "organisation", "سازمان " + seat, "nominatedBy", nominatedBy,
                "nominationDocument", "نامه " + UUID.randomUUID().toString().substring(0, 6)));
        if (userId != null) {
            nomination.put("userId", userId);
        }
        String base = api("/boards/" + TEHRAN + "/appointments");
        String id = given().auth().oauth2(recorder).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(nomination)
                .post(base).then().statusCode(201).extract().path("id");
        String url = base + "/" + id;
        if ("MAIN_UNIVERSITY".equals(nominatedBy)) { // R3: the Chair approves a faculty nomination first
            given().auth().oauth2(pd).header("If-Match", etag(pd, url)).contentType("application/json").body(Map.of())
                    .post(url + "/approval").then().statusCode(200);
        }
        given().auth().oauth2(dg).header("If-Match", etag(dg, url)).contentType("application/json").body(Map.of())
                .post(url + "/introduction").then().statusCode(200);
        given().auth().oauth2(pd).header("If-Match", etag(pd, url)).contentType("application/json")
                .body(Map.of("decreeNumber", "ح-" + id.substring(0, 8), "issuedOn", LocalDate.now().toString(),
                        "termEnd", LocalDate.now().plusYears(2).toString()))
                .post(url + "/decree").then().statusCode(200).body("status", equalTo("ACTIVE"));
        remember("governance", id, "trustee.nominated", "trustee.appointed");
        return id;
    }

    private static String appointOfficer(String office, String appointmentId) {
        String dg = Stack.tokenOf("tehran-labour-dg");
        String pd = Stack.tokenOf("tehran-planning-deputy");
        String id = given().auth().oauth2(dg).contentType("application/json")
                .body(Map.of("province", TEHRAN, "office", office, "appointmentId", appointmentId))
                .post(api("/officers")).then().statusCode(201).extract().path("id");
        String url = api("/officers/" + id);
        given().auth().oauth2(pd).header("If-Match", etag(pd, url))
                .post(url + "/appointment").then().statusCode(200);
        remember("governance", id, "officer.appointed");
        return id;
    }

    /**
     * Scenario 2 (Art. 6 R1–R5, Art. 8 R6): Tehran's Board is filled seat by seat — ex-officio seats, two faculty
     * members approved by the Chair, four entrepreneur experts of the labour DG — each introduced and decreed; a
     * President and a Secretary are appointed; compliance turns OK for composition, decrees and officers, and the
     * trustee with a Keycloak account gets realm role {@code trustee} through the role sync.
     */
    @Test
    @Order(2)
    void s2_tehransBoardFilledSeatBySeatWithOfficersTurnsCompositionAndOfficersCompliant() throws Exception {
        String analyst = Stack.tokenOf("ministry-analyst");
        given().auth().oauth2(analyst).get(api("/boards/" + TEHRAN)).then().statusCode(200).body("seatsFilled", equalTo(0));

        String trusteeUser = KeycloakAdmin.newVerifiedPerson(MembershipIT.nationalId());
        String trusteeSub = Flows.sub(Stack.tokenOf(trusteeUser));
        for (String seat : List.of("CHAIR", "SECRETARY", "BROADCASTING_HEAD", "EMPLOYERS_SECRETARY", "WORKERS_SECRETARY")) {
            appoint(seat, "OFFICE_HOLDER", "دارنده سمت " + seat, null);
        }
        String faculty = appoint("FACULTY", "MAIN_UNIVERSITY", "دکتر علی رضایی", null);
        appoint("FACULTY", "MAIN_UNIVERSITY", "دکتر زهرا موسوی", null);
        String expert = appoint("ENTREPRENEUR_EXPERT", "LABOUR_DG", "حسین کریمی", trusteeSub);
        for (String name : List.of("فاطمه نوری", "رضا احمدی", "نرگس صادقی")) {
            appoint("ENTREPRENEUR_EXPERT", "LABOUR_DG", name, null);
        }
        given().auth().oauth2(analyst).get(api("/boards/" + TEHRAN)).then().statusCode(200)
                .body("seatsTotal", equalTo(11)).body("seatsFilled", equalTo(11));

        appointOfficer("PRESIDENT", faculty);
        appointOfficer("SECRETARY", expert);

        String dg = Stack.tokenOf("tehran-labour-dg");
        await("compliance: composition, decrees and officers OK").atMost(EVENTUAL).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode c = compliance(dg);
                    assertEquals("OK", check(c, "BOARD_SEATS"), c.toString());
                    assertEquals("OK", check(c, "DECREES"), c.toString());
                    assertEquals("OK", check(c, "OFFICERS"), c.toString());
                });
        await("Keycloak role sync gives the decreed trustee realm role trustee").atMost(EVENTUAL)
                .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    JsonNode claims = Stack.claims(Stack.tokenOf(trusteeUser));
                    assertTrue(claims.path("realm_access").path("roles").toString().contains("\"trustee\""), claims.toString());
                    assertEquals(TEHRAN, claims.path("member_province").asText());
                });
    }

    // ------------------------------------------------------------------------------------------ scenario 3

    private static String holdMeeting(String body, String title, int minRoster) throws Exception {
        String secretariat = Stack.tokenOf("tehran-secretariat");
        Instant start = Instant.now().minus(Duration.ofHours(3));
        String id = given().auth().oauth2(secretariat).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("province", TEHRAN, "body", body, "title", title, "mode", "IN_PERSON",
                        "place", "تهران، خیابان آزادی", "startsAt", start.toString(),
                        "endsAt", start.plus(Duration.ofHours(1)).toString()))
                .post(api("/meetings")).then().statusCode(201).extract().path("id");
        String url = api("/meetings/" + id);
        // the roster is workgroup's projection of governance's trustee and membership's member events
        List<String> roster = new ArrayList<>();
        await(body + " roster of at least " + minRoster).atMost(EVENTUAL).pollInterval(Duration.ofSeconds(1)).until(() -> {
            roster.clear();
            roster.addAll(given().auth().oauth2(secretariat).get(url + "/roster").then().statusCode(200)
                    .extract().jsonPath().getList("personId", String.class));
            return roster.size() >= minRoster;
        });
        given().auth().oauth2(secretariat).header("If-Match", etag(secretariat, url)).contentType("application/json")
                .body(Map.of("present", roster, "excused", List.of(), "minutes", "صورتجلسه " + title,
                        "resolutions", List.of(Map.of("text", "تصویب برنامه فصل آینده", "decision", "CONSENSUS"))))
                .post(url + "/held").then().statusCode(200).body("status", equalTo("HELD"));
        remember("workgroup", id, "meeting.scheduled", "meeting.held");
        return id;
    }

    private static long held(JsonNode figures, String body) {
        for (JsonNode m : figures.path("meetings")) {
            if (body.equals(m.path("body").asText())) {
                return m.path("held").asLong();
            }
        }
        return 0;
    }

    /**
     * Scenario 3 (Art. 7 Note, Art. 9 Note 2 — R9; Art. 6 Note 4 — R12): a Board meeting (all 11 trustees present)
     * and an Association meeting are held with resolutions → governance's cadence checks turn OK and the running
     * quarter's draft counts them; the labour DG submits the last quarter's report, which the ministry analyst and
     * the {@code gov-integration} client read.
     */
    @Test
    @Order(3)
    void s3_meetingsHeldMakeCadenceCompliantAndReachTheReport_submittedReportReadByMinistryAndIntegration() throws Exception {
        String dg = Stack.tokenOf("tehran-labour-dg");
        String draftUrl = Flows.reportUrl(dg, TEHRAN, 0);
        JsonNode before = report(dg, draftUrl).path("figures");

        boardMeetingId = holdMeeting("BOARD_OF_TRUSTEES", "جلسه هیئت امنا", 11);
        holdMeeting("ASSOCIATION", "مجمع انجمن", 1);

        await("governance's cadence checks and draft report follow meeting.held").atMost(EVENTUAL)
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    JsonNode c = compliance(dg);
                    assertEquals("OK", check(c, "BOARD_MEETING"), c.toString());
                    assertEquals("OK", check(c, "ASSOCIATION_MEETING"), c.toString());
                    JsonNode f = report(dg, draftUrl).path("figures");
                    assertEquals(held(before, "BOARD_OF_TRUSTEES") + 1, held(f, "BOARD_OF_TRUSTEES"), f.toString());
                    assertEquals(held(before, "ASSOCIATION") + 1, held(f, "ASSOCIATION"), f.toString());
                });

        String lastQuarter = Flows.reportUrl(dg, TEHRAN, 1);
        String reportId = given().auth().oauth2(dg).header("If-Match", etag(dg, lastQuarter))
                .post(lastQuarter + "/submission").then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .extract().path("id");
        remember("governance", reportId, "report.submitted");
        given().auth().oauth2(Stack.tokenOf("ministry-analyst")).get(lastQuarter).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("figures", notNullValue());
        String integration = Stack.clientCredentials("gov-integration", "gov-integration-secret")
                .then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(integration).get(lastQuarter).then().statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    // ------------------------------------------------------------------------------------------ scenario 4

    private static void ideaStatus(String token, String url, String to) {
        given().auth().oauth2(token).header("If-Match", etag(token, url)).contentType("application/json")
                .body(Map.of("to", to, "reason", "بررسی کارگروه ایده‌ها")).post(url + "/status")
                .then().statusCode(200).body("status", equalTo(to));
    }

    /**
     * Scenario 4 (Art. 3-6, Art. 9, Art. 3-15): a member's idea is submitted, screened, evaluated by two reviewers,
     * accepted and referred to an incubator → governance's draft report counts it submitted, evaluated, referred.
     */
    @Test
    @Order(4)
    void s4_anIdeaSubmittedScreenedEvaluatedByTwoAcceptedAndReferredReachesTheReport() throws Exception {
        String secretariat = Stack.tokenOf("tehran-secretariat");
        String draftUrl = Flows.reportUrl(secretariat, TEHRAN, 0);
        JsonNode activitiesBefore = report(secretariat, draftUrl).path("figures").path("activities");

        ideaId = given().auth().oauth2(firstMember.token()).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("kind", "IDEA", "title", "بازار آنلاین صنایع دستی " + UUID.randomUUID().toString().substring(0, 6),
                        "summary", "فروش مستقیم صنایع دستی روستایی", "description", "اتصال هنرمندان روستایی به خریداران",
                        "sector", "SERVICES", "stage", "PROTOTYPE", "supportSought", List.of("FUNDING", "MENTORING"),
                        "province", TEHRAN, "confidentiality", "MEMBERS"))
                .post(api("/ideas")).then().statusCode(201).extract().path("id");
        String url = api("/ideas/" + ideaId);
        ideaStatus(secretariat, url, "SCREENING");
        List<String> reviewers = List.of("tehran-planning-deputy", "tehran-trustee");
        for (String reviewer : reviewers) {
            given().auth().oauth2(secretariat).header("If-Match", etag(secretariat, url)).contentType("application/json")
                    .body(Map.of("userId", Flows.sub(Stack.tokenOf(reviewer)), "outsideExpert", true,
                            "displayName", "داور " + reviewer, "expertise", "کسب‌وکار"))
                    .post(url + "/reviewers").then().statusCode(201);
        }
        ideaStatus(secretariat, url, "UNDER_EVALUATION");
        Map<String, Object> criteria = given().auth().oauth2(secretariat).get(api("/ideas/criteria"))
                .then().statusCode(200).extract().jsonPath().getMap("$");
        for (String reviewer : reviewers) {
            Map<String, Integer> scores = criteria.keySet().stream().collect(Collectors.toMap(Function.identity(), k -> 8));
            given().auth().oauth2(Stack.tokenOf(reviewer)).contentType("application/json")
                    .body(Map.of("scores", scores, "comment", "ایده قابل اجرا"))
                    .post(url + "/reviews").then().statusCode(200);
        }
        ideaStatus(secretariat, url, "ACCEPTED");
        given().auth().oauth2(secretariat).header("If-Match", etag(secretariat, url)).contentType("application/json")
                .body(Map.of("referredTo", "INCUBATOR", "organisation", "مرکز رشد دانشگاه تهران", "reason", "نیاز به پیش‌شتاب‌دهی"))
                .post(url + "/referral").then().statusCode(200).body("status", equalTo("REFERRED"));
        given().auth().oauth2(secretariat).get(url).then().statusCode(200)
                .body("evaluation.reviewsCompleted", equalTo(2)).body("status", equalTo("REFERRED"));
        remember("ideabank", ideaId, "idea.submitted", "idea.status-changed", "idea.evaluated", "idea.referred");

        await("governance counts the idea's activities").atMost(EVENTUAL).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode a = report(secretariat, draftUrl).path("figures").path("activities");
            assertEquals(count(activitiesBefore, "IDEAS_SUBMITTED") + 1, count(a, "IDEAS_SUBMITTED"), a.toString());
            assertEquals(count(activitiesBefore, "IDEAS_EVALUATED") + 2, count(a, "IDEAS_EVALUATED"), a.toString());
            assertEquals(count(activitiesBefore, "IDEAS_REFERRED") + 1, count(a, "IDEAS_REFERRED"), a.toString());
        });
    }

    // ------------------------------------------------------------------------------------------ scenario 5

    /**
     * Scenario 5 (Art. 3-9): a one-seat tour fills up — the first member's registration is CONFIRMED, the second
     * is WAITLISTED — and the first one's cancellation promotes the second. The members are known to networking
     * only through membership's events.
     */
    @Test
    @Order(5)
    void s5_aFullTourWaitlistsAndACancellationPromotesTheNext() {
        Flows.Admitted second = Flows.admit(TEHRAN, "tehran", "امیر", "قاسمی");
        Flows.awaitInDirectory(second.memberId());
        Flows.awaitMemberRole(firstMember.username());
        Flows.awaitMemberRole(second.username());
        String staff = Stack.tokenOf("tehran-secretariat");
        LocalDate starts = LocalDate.now().plusDays(20);
        tourId = given().auth().oauth2(staff).contentType("application/json")
                .body(Map.of("hostProvince", TEHRAN, "title", "بازدید از شهرک علمی و تحقیقاتی",
                        "description", "تور استانی", "itinerary", List.of(Map.of("day", 1, "city", "تهران",
                                "site", "پارک فناوری پردیس", "enterprise", "شرکت نوآوران")),
                        "startsOn", starts.toString(), "endsOn", starts.plusDays(1).toString(), "capacity", 1,
                        "registrationOpens", Instant.now().minus(Duration.ofHours(1)).toString(),
                        "registrationCloses", Instant.now().plus(Duration.ofDays(10)).toString(),
                        "eligibility", "HOST_PROVINCE"))
                .post(api("/tours")).then().statusCode(201).extract().path("id");
        String url = api("/tours/" + tourId);
        given().auth().oauth2(staff).header("If-Match", etag(staff, url)).contentType("application/json").body(Map.of())
                .post(url + "/publish").then().statusCode(200);

        String firstToken = firstMember.token();
        String first = given().auth().oauth2(firstToken)
                .post(url + "/registrations").then().statusCode(201).body("status", equalTo("CONFIRMED"))
                .extract().path("id");
        String secondReg = given().auth().oauth2(second.token())
                .post(url + "/registrations").then().statusCode(201).body("status", equalTo("WAITLISTED"))
                .body("waitlistPosition", equalTo(1)).extract().path("id");

        String firstUrl = url + "/registrations/" + first;
        given().auth().oauth2(firstToken).header("If-Match", etag(firstToken, firstUrl)).contentType("application/json")
                .body(Map.of()).post(firstUrl + "/cancel").then().statusCode(200);
        given().auth().oauth2(staff).get(url + "/registrations/" + secondReg).then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        remember("networking", tourId, "tour.published", "tour.registration-confirmed");
    }

    // ------------------------------------------------------------------------------------------ scenario 6

    /**
     * Scenario 6 (province isolation, conventions "Security"): Isfahan's secretariat cannot read or change any of
     * Tehran's data in any service — every attempt is 403 or 404 problem+json, and nothing changed.
     */
    @Test
    @Order(6)
    void s6_anIsfahanSecretariatCannotReadOrChangeTehransDataInAnyService() {
        String isfahan = Stack.tokenOf("isfahan-secretariat");
        String json = "application/json";
        Map<String, Response> attempts = new LinkedHashMap<>();
        // membership
        attempts.put("GET applications?province=IR-07", given().auth().oauth2(isfahan).queryParam("province", TEHRAN).get(api("/applications")));
        attempts.put("GET application", given().auth().oauth2(isfahan).get(api("/applications/" + firstMember.applicationId())));
        attempts.put("GET members?province=IR-07", given().auth().oauth2(isfahan).queryParam("province", TEHRAN).get(api("/members")));
        attempts.put("GET member", given().auth().oauth2(isfahan).get(api("/members/" + firstMember.memberId())));
        attempts.put("POST member suspend", given().auth().oauth2(isfahan).header("If-Match", "\"0\"").contentType(json)
                .body(Map.of("reason", "x", "resolutionRef", "IS-1")).post(api("/members/" + firstMember.memberId() + "/suspend")));
        // governance
        attempts.put("GET board IR-07", given().auth().oauth2(isfahan).get(api("/boards/" + TEHRAN)));
        attempts.put("POST nomination IR-07", given().auth().oauth2(isfahan).contentType(json)
                .body(Map.of("seat", "FACULTY", "fullName", "x", "nationalId", MembershipIT.nationalId(), "nominatedBy", "MAIN_UNIVERSITY"))
                .post(api("/boards/" + TEHRAN + "/appointments")));
        attempts.put("GET compliance IR-07", given().auth().oauth2(isfahan).get(api("/compliance/" + TEHRAN)));
        attempts.put("GET officers?province=IR-07", given().auth().oauth2(isfahan).queryParam("province", TEHRAN).get(api("/officers")));
        attempts.put("GET report IR-07", given().auth().oauth2(isfahan).get(Flows.reportUrl(Stack.tokenOf("tehran-secretariat"), TEHRAN, 1)));
        // workgroup
        attempts.put("GET meeting", given().auth().oauth2(isfahan).get(api("/meetings/" + boardMeetingId)));
        attempts.put("GET meetings?province=IR-07", given().auth().oauth2(isfahan).queryParam("province", TEHRAN).get(api("/meetings")));
        attempts.put("POST meeting IR-07", given().auth().oauth2(isfahan).contentType(json)
                .body(Map.of("province", TEHRAN, "body", "ASSOCIATION", "title", "x", "mode", "ONLINE", "onlineUrl", "https://meet.example/x",
                        "startsAt", Instant.now().plus(Duration.ofDays(3)).toString(),
                        "endsAt", Instant.now().plus(Duration.ofDays(3)).plus(Duration.ofHours(1)).toString()))
                .post(api("/meetings")));
        attempts.put("POST meeting cancel", given().auth().oauth2(isfahan).header("If-Match", "\"0\"").contentType(json)
                .body(Map.of("reason", "x")).post(api("/meetings/" + boardMeetingId + "/cancel")));
        // ideabank
        attempts.put("GET idea history", given().auth().oauth2(isfahan).get(api("/ideas/" + ideaId + "/history")));
        attempts.put("GET idea reviews", given().auth().oauth2(isfahan).get(api("/ideas/" + ideaId + "/reviews")));
        attempts.put("POST idea status", given().auth().oauth2(isfahan).header("If-Match", "\"0\"").contentType(json)
                .body(Map.of("to", "REJECTED", "reason", "x")).post(api("/ideas/" + ideaId + "/status")));
        // networking
        attempts.put("POST tour IR-07", given().auth().oauth2(isfahan).contentType(json)
                .body(Map.of("hostProvince", TEHRAN, "title", "x", "itinerary", List.of(Map.of("day", 1, "city", "تهران")),
                        "startsOn", LocalDate.now().plusDays(30).toString(), "endsOn", LocalDate.now().plusDays(31).toString(),
                        "capacity", 5, "registrationOpens", Instant.now().toString(),
                        "registrationCloses", Instant.now().plus(Duration.ofDays(20)).toString(), "eligibility", "HOST_PROVINCE"))
                .post(api("/tours")));
        attempts.put("GET tour registrations", given().auth().oauth2(isfahan).get(api("/tours/" + tourId + "/registrations")));
        attempts.put("POST tour cancel", given().auth().oauth2(isfahan).header("If-Match", "\"0\"").contentType(json)
                .body(Map.of("reason", "x")).post(api("/tours/" + tourId + "/cancel")));

        Map<String, String> allowed = new LinkedHashMap<>();
        attempts.forEach((what, r) -> {
            if (!Flows.refused(r)) {
                allowed.put(what, r.statusCode() + " " + r.contentType() + " " + r.asString());
            }
        });
        assertTrue(allowed.isEmpty(), "Isfahan's secretariat got through: " + allowed);

        String secretariat = Stack.tokenOf("tehran-secretariat");
        given().auth().oauth2(secretariat).get(api("/members/" + firstMember.memberId())).then().body("status", equalTo("ACTIVE"));
        given().auth().oauth2(secretariat).get(api("/meetings/" + boardMeetingId)).then().body("status", equalTo("HELD"));
        given().auth().oauth2(secretariat).get(api("/ideas/" + ideaId)).then().body("status", equalTo("REFERRED"));
        given().auth().oauth2(secretariat).get(api("/tours/" + tourId)).then().body("status", equalTo("PUBLISHED"));
    }

    // ------------------------------------------------------------------------------------------ scenario 7

    /**
     * Scenario 7 (conventions "Events"): a consumer subscribed to every {@code kanoon.*.events} topic sees the
     * CloudEvents of scenarios 1–5, and each of them matches its service's AsyncAPI document (required fields at
     * every level, no undocumented ones where the schema closes the object).
     */
    @Test
    @Order(7)
    void s7_everyTopicCarriesTheScenariosCloudEventsAsTheAsyncApiDocumentsDescribe() throws Exception {
        Map<String, List<JsonNode>> bySubject = new HashMap<>();
        Set<String> topics = new LinkedHashSet<>();
        await("the scenarios' events on kanoon.*.events").atMost(EVENTUAL).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            bySubject.clear();
            topics.clear();
            readAllEvents(bySubject, topics);
            for (var service : EXPECTED_TYPES.entrySet()) {
                Set<String> seen = SUBJECTS.get(service.getKey()).stream()
                        .flatMap(s -> bySubject.getOrDefault(s, List.of()).stream())
                        .map(e -> e.path("type").asText()).collect(Collectors.toSet());
                assertTrue(seen.containsAll(service.getValue()),
                        service.getKey() + ": expected " + service.getValue() + ", saw " + seen);
            }
        });
        assertTrue(topics.containsAll(List.of("kanoon.membership.events", "kanoon.governance.events",
                "kanoon.workgroup.events", "kanoon.ideabank.events", "kanoon.networking.events")), topics.toString());

        for (var service : SUBJECTS.entrySet()) {
            String yaml = given().accept("application/yaml").get(serviceUrl(service.getKey()) + "/q/asyncapi")
                    .then().statusCode(200).extract().asString();
            AsyncApiDocument document = AsyncApiDocument.parse(yaml);
            List<JsonNode> events = service.getValue().stream()
                    .flatMap(s -> bySubject.getOrDefault(s, List.of()).stream()).toList();
            assertTrue(!events.isEmpty(), service.getKey());
            document.assertDocuments(events);
            for (JsonNode e : events) {
                assertEquals("1.0", e.path("specversion").asText(), e.toString());
                assertTrue(Pattern.matches("IR-\\d{2}", e.path("provincecode").asText("IR-00"))
                        || e.path("provincecode").isMissingNode(), e.toString());
            }
        }
    }

    /** A service's own address on the e2e stack (only for its /q/asyncapi document; the API goes through the gateway). */
    private static String serviceUrl(String service) {
        int offset = switch (service) {
            case "membership" -> 1;
            case "governance" -> 2;
            case "workgroup" -> 3;
            case "ideabank" -> 4;
            case "networking" -> 5;
            default -> throw new IllegalArgumentException(service);
        };
        return "http://localhost:" + (Stack.HTTP_PORT_BASE + offset);
    }

    private static void readAllEvents(Map<String, List<JsonNode>> bySubject, Set<String> topics) throws Exception {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-all-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(Pattern.compile("kanoon\\..*\\.events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int idle = 0;
            while (System.nanoTime() < deadline && idle < 5) {
                var records = c.poll(Duration.ofMillis(500));
                idle = records.isEmpty() && !c.assignment().isEmpty() ? idle + 1 : 0;
                for (ConsumerRecord<String, String> r : records) {
                    topics.add(r.topic());
                    JsonNode e = JSON.readTree(r.value());
                    bySubject.computeIfAbsent(e.path("subject").asText(), s -> new ArrayList<>()).add(e);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------- the dashboard

    /**
     * The ministry-dashboard example (examples/ministry-dashboard) reads every topic from the beginning; after the
     * scenarios its per-province counts equal what the services' own APIs say to the ministry analyst.
     */
    @Test
    @Order(8)
    void ministryDashboardCountsMatchTheServicesApisAfterTheScenarios() {
        DashboardCheck.run(TEHRAN);
    }
}

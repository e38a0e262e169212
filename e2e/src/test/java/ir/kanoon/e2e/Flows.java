package ir.kanoon.e2e;

import io.restassured.response.Response;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Steps the scenarios share, all through the gateway with tokens from the stack's Keycloak. */
final class Flows {

    /** How long a cross-service effect (an event consumed by another service) may take on a loaded machine. */
    static final Duration EVENTUAL = Duration.ofSeconds(90);

    private Flows() {
    }

    static String api(String path) {
        return Stack.GATEWAY + "/api/v1" + path;
    }

    static String etag(String token, String url) {
        return given().auth().oauth2(token).get(url).then().statusCode(200).extract().header("ETag");
    }

    static String sub(String token) {
        return Stack.claims(token).path("sub").asText();
    }

    /** A person admitted as a member: their Keycloak user name and member id. */
    record Admitted(String username, String memberId, String applicationId, String nationalId) {
        String token() {
            return Stack.tokenOf(username);
        }
    }

    /**
     * A fresh verified person applies in {@code province} (R7 category ENTREPRENEUR), the province's secretariat
     * reviews and its labour DG approves under a Board resolution (R8, Art. 7): a member.
     */
    static Admitted admit(String province, String provinceKey, String firstName, String lastName) {
        String nationalId = MembershipIT.nationalId();
        String username = KeycloakAdmin.newVerifiedPerson(nationalId);
        String applicationId = given().auth().oauth2(Stack.tokenOf(username)).contentType("application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.ofEntries(Map.entry("province", province), Map.entry("category", "ENTREPRENEUR"),
                        Map.entry("sector", "SERVICES"), Map.entry("firstName", firstName), Map.entry("lastName", lastName),
                        Map.entry("nationalId", nationalId), Map.entry("birthDate", "1988-06-21"),
                        Map.entry("mobile", "+989121112233"), Map.entry("email", username + "@example.test"),
                        Map.entry("city", "تهران"), Map.entry("expertise", List.of("کارآفرینی", "صادرات")),
                        Map.entry("achievements", "راه‌اندازی یک کسب‌وکار صادراتی"),
                        Map.entry("businessLicenceNumber", "BL-" + nationalId), Map.entry("employees", 9),
                        Map.entry("foundingYear", 2015)))
                .post(api("/applications")).then().statusCode(201).body("status", equalTo("SUBMITTED"))
                .extract().path("id");
        String url = api("/applications/" + applicationId);
        String secretariat = Stack.tokenOf(provinceKey + "-secretariat");
        given().auth().oauth2(secretariat).header("If-Match", etag(secretariat, url)).post(url + "/review")
                .then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        String dg = Stack.tokenOf(provinceKey + "-labour-dg");
        String memberId = given().auth().oauth2(dg).header("If-Match", etag(dg, url)).contentType("application/json")
                .body(Map.of("decision", "APPROVED", "resolutionRef", "HT-1405-" + nationalId.substring(0, 3),
                        "reason", "واجد شرایط عضویت"))
                .post(url + "/decision").then().statusCode(200).body("status", equalTo("APPROVED"))
                .extract().path("memberId");
        return new Admitted(username, memberId, applicationId, nationalId);
    }

    /** Waits until networking's directory (fed by membership's events) lists the member. */
    static void awaitInDirectory(String memberId) {
        String reader = Stack.tokenOf("tehran-secretariat");
        await("member " + memberId + " in networking's directory").atMost(EVENTUAL).pollInterval(Duration.ofSeconds(1))
                .until(() -> given().auth().oauth2(reader).get(api("/directory/" + memberId)).statusCode() == 200);
    }

    /** Waits until Keycloak (membership's role sync, driven by member.admitted) gives the person realm role member. */
    static void awaitMemberRole(String username) {
        await(username + " gets realm role member").atMost(EVENTUAL).pollInterval(Duration.ofSeconds(2)).until(() ->
                Stack.claims(Stack.tokenOf(username)).path("realm_access").path("roles").toString().contains("\"member\""));
    }

    /** Today's Jalali year and month, as governance reports them (its Tehran clock), e.g. {1405, 9}. */
    static int[] jalaliToday(String token) {
        String asOf = given().auth().oauth2(token).get(api("/boards/IR-07")).then().statusCode(200)
                .extract().path("asOfJalali");
        Matcher m = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})").matcher(asOf);
        if (!m.find()) {
            throw new IllegalStateException("asOfJalali: " + asOf);
        }
        return new int[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /** The report of the running quarter ({@code back} = 0) or of an earlier one. */
    static String reportUrl(String token, String province, int back) {
        int[] today = jalaliToday(token);
        int year = today[0];
        int quarter = (today[1] - 1) / 3 + 1 - back;
        while (quarter < 1) {
            quarter += 4;
            year--;
        }
        return api("/reports/" + province + "/" + year + "/Q" + quarter);
    }

    /**
     * 403 or 404 problem+json: refused, or not even admitted to exist. A 200 — even an empty list — is not a refusal:
     * another province's lists (ideabank's reviews, networking's registrations) answer 403 like the rest (issue 14).
     */
    static boolean refused(Response r) {
        return (r.statusCode() == 403 || r.statusCode() == 404)
                && String.valueOf(r.contentType()).startsWith("application/problem+json");
    }
}

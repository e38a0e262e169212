package ir.kanoon.membership.support;

import io.restassured.response.ValidatableResponse;
import ir.kanoon.platform.testing.NationalIds;
import ir.kanoon.platform.testing.TestTokens;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Valid people, tokens and the common REST steps of the membership tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A fresh valid national ID, never the same twice in a JVM ({@link NationalIds#random()}). */
    public static String nationalId() {
        return NationalIds.random();
    }

    public static String applicant(String subject) {
        return TestTokens.applicant(subject);
    }

    /** A signed-in person whose account carries the verified {@code national_id} claim (national-ID binding). */
    public static String person(String subject, String nationalId) {
        return TestTokens.user(subject).roles("applicant").claim("national_id", nationalId).sign();
    }

    public static String secretariat(String province) {
        return TestTokens.secretariat(province);
    }

    public static String labourDg(String province) {
        return TestTokens.labourDg(province);
    }

    /** A trustee belongs to the province's Association: {@code member_province}, not the staff {@code province}. */
    public static String trustee(String province) {
        return TestTokens.user("trustee-" + province).roles("trustee").claim("member_province", province).sign();
    }

    public static String ministryAnalyst() {
        return TestTokens.ministryAnalyst();
    }

    /** An entrepreneur's application body (Art. 4-1). */
    public static Map<String, Object> entrepreneur(String province, String nationalId) {
        Map<String, Object> body = new HashMap<>();
        body.put("province", province);
        body.put("category", "ENTREPRENEUR");
        body.put("sector", "INDUSTRIAL");
        body.put("firstName", "مريم");          // Arabic yeh: stored canonical
        body.put("lastName", "کریمی");
        body.put("firstNameLatin", "Maryam");
        body.put("lastNameLatin", "Karimi");
        body.put("nationalId", nationalId);
        body.put("birthDate", "1985-08-02");
        body.put("mobile", "+989121234567");
        body.put("email", "maryam@example.ir");
        body.put("city", "تهران");
        body.put("expertise", List.of("کارآفرینی", "صنایع غذایی"));
        body.put("achievements", "راه‌اندازی سه کارخانه");
        body.put("businessLicenceNumber", "۱۲۳۴۵۶");
        body.put("employees", 120);
        body.put("foundingYear", 2012);
        body.put("patents", List.of("بسته‌بندی هوشمند"));
        body.put("awards", List.of("کارآفرین برتر ۱۴۰۲"));
        return body;
    }

    public static ValidatableResponse submit(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").header("Accept-Language", "en")
                .body(body).post("/api/v1/applications").then();
    }

    /** The person {@code subject} applies under the form's national ID, verified on their account. */
    public static ValidatableResponse submitAs(String subject, Map<String, Object> body) {
        String nationalId = (String) body.get("nationalId");
        return submit(nationalId == null ? applicant(subject) : person(subject, nationalId), body);
    }

    /**
     * A state-change POST ({@code .../{id}/<action>}) with {@code If-Match}: the current ETag of
     * {@code .../{id}} as {@code token} reads it (none when it cannot read it: the call is refused anyway).
     */
    public static ValidatableResponse post(String token, String path, Object body) {
        var req = given().auth().oauth2(token).contentType("application/json").header("Accept-Language", "en");
        String etag = given().auth().oauth2(token).get(path.substring(0, path.lastIndexOf('/'))).then()
                .extract().header("ETag");
        if (etag != null) {
            req.header("If-Match", etag);
        }
        if (body != null) {
            req.body(body);
        }
        return req.post(path).then();
    }

    /** A state change with the resource's current version in {@code If-Match} (read first with the same token). */
    public static ValidatableResponse postCurrent(String token, String resource, String action, Object body) {
        String etag = given().auth().oauth2(token).get(resource).then().statusCode(200).extract().header("ETag");
        var req = given().auth().oauth2(token).contentType("application/json").header("Accept-Language", "en")
                .header("If-Match", etag);
        if (body != null) {
            req.body(body);
        }
        return req.post(resource + "/" + action).then();
    }

    /** A PATCH with the resource's current version in {@code If-Match}. */
    public static ValidatableResponse patchCurrent(String token, String resource, Object body) {
        String etag = given().auth().oauth2(token).get(resource).then().statusCode(200).extract().header("ETag");
        return given().auth().oauth2(token).contentType("application/json").header("Accept-Language", "en")
                .header("If-Match", etag).body(body).patch(resource).then();
    }

    /** Submits, reviews and approves: returns the new member's id. */
    public static String admit(String applicantSubject, Map<String, Object> body) {
        String province = (String) body.get("province");
        String appId = submitAs(applicantSubject, body).statusCode(201).extract().path("id");
        post(secretariat(province), "/api/v1/applications/" + appId + "/review", null).statusCode(200);
        return post(secretariat(province), "/api/v1/applications/" + appId + "/decision",
                Map.of("decision", "APPROVED", "resolutionRef", "HT-1405-12", "reason", "واجد شرایط"))
                .statusCode(200).extract().path("memberId");
    }
}

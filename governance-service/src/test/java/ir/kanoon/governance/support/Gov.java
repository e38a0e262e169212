package ir.kanoon.governance.support;

import io.restassured.response.ValidatableResponse;
import ir.kanoon.platform.testing.NationalIds;
import ir.kanoon.platform.testing.TestTokens;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** REST steps of the governance tests: nominate, approve, introduce, decree. */
public final class Gov {

    private Gov() {
    }

    public static String base(String province) {
        return "/api/v1/boards/" + province + "/appointments";
    }

    public static Map<String, Object> nomination(String seat, String nominatedBy) {
        Map<String, Object> m = new HashMap<>();
        m.put("seat", seat);
        m.put("fullName", "مريم كريمي"); // Arabic yeh/kaf: stored canonical
        m.put("nationalId", NationalIds.random());
        m.put("organisation", "دانشگاه تهران");
        m.put("nominatedBy", nominatedBy);
        m.put("nominationDocument", "نامه ۱۲۳");
        return m;
    }

    public static String nominatorOf(String seat) {
        return switch (seat) {
            case "FACULTY" -> "MAIN_UNIVERSITY";
            case "ENTREPRENEUR_EXPERT" -> "LABOUR_DG";
            default -> "OFFICE_HOLDER";
        };
    }

    public static ValidatableResponse post(String token, String path, Object body) {
        var req = given().auth().oauth2(token).contentType("application/json");
        if (body != null) {
            req = req.body(body);
        }
        return req.post(path).then();
    }

    public static ValidatableResponse postIfMatch(String token, String path, String etag, Object body) {
        var req = given().auth().oauth2(token).contentType("application/json").header("If-Match", etag);
        if (body != null) {
            req = req.body(body);
        }
        return req.post(path).then();
    }

    public static String etag(String token, String path) {
        return given().auth().oauth2(token).get(path).then().statusCode(200).extract().header("ETag");
    }

    /** Nominates (by the labour DG for experts, else the secretariat) and returns the appointment id. */
    public static String nominate(String province, String seat) {
        return nominate(province, nomination(seat, nominatorOf(seat)));
    }

    public static String nominate(String province, Map<String, Object> form) {
        String token = "ENTREPRENEUR_EXPERT".equals(form.get("seat")) ? TestTokens.labourDg(province)
                : TestTokens.secretariat(province);
        return post(token, base(province), form).statusCode(201).extract().path("id");
    }

    /** Approval (faculty) and introduction: the appointment awaits its decree. */
    public static void readyForDecree(String province, String id, String seat) {
        String path = base(province) + "/" + id;
        if ("FACULTY".equals(seat)) {
            postIfMatch(TestTokens.planningDeputy(province), path + "/approval", etag(TestTokens.secretariat(province), path),
                    Map.of("document", "تأیید ۴۵")).statusCode(200);
        }
        postIfMatch(TestTokens.labourDg(province), path + "/introduction", etag(TestTokens.secretariat(province), path),
                Map.of("document", "معرفی ۶۷")).statusCode(200);
    }

    public static Map<String, Object> decree(String number) {
        return Map.of("decreeNumber", number, "issuedOn", LocalDate.now().minusDays(1).toString(),
                "termEnd", LocalDate.now().plusYears(2).toString());
    }

    public static ValidatableResponse issueDecree(String token, String province, String id, String number) {
        String path = base(province) + "/" + id;
        return postIfMatch(token, path + "/decree", etag(TestTokens.secretariat(province), path), decree(number));
    }

    /** A whole appointment to an active trustee; returns its id. */
    public static String appoint(String province, String seat) {
        String id = nominate(province, seat);
        readyForDecree(province, id, seat);
        issueDecree(TestTokens.planningDeputy(province), province, id, "ح-" + System.nanoTime()).statusCode(200);
        return id;
    }
}

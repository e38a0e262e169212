package ir.kanoon.ideabank.attachment;

import io.restassured.response.ValidatableResponse;
import ir.kanoon.platform.testing.KanoonTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static io.restassured.RestAssured.given;
import static ir.kanoon.ideabank.support.Fixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Attachments obey the idea's confidentiality and the limits (issue 10 acceptance); test limits: 4096 bytes, 3 files. */
@KanoonTest
class AttachmentApiTest {

    static final String P = "IR-18";
    static final byte[] PDF = "%PDF-1.4\n% مستند طرح\n".getBytes(StandardCharsets.UTF_8);

    static ValidatableResponse upload(String token, String ideaId, String name, String type, byte[] bytes) {
        return given().auth().oauth2(token).contentType(type).body(bytes).queryParam("name", name)
                .post("/api/v1/ideas/" + ideaId + "/attachments").then();
    }

    @Test
    void attachmentsOfAReviewersIdea_areForThoseWhoMayReadIt_only() {
        String owner = applicant("att-owner");
        String id = submitId(owner, idea(P, "طرح محرمانه با پیوست", "خلاصه", "REVIEWERS"));
        String att = upload(owner, id, "طرح‌نامه.pdf", "application/pdf", PDF).statusCode(201)
                .body("size", is(PDF.length)).body("contentType", is("application/pdf")).extract().path("id");
        byte[] back = given().auth().oauth2(secretariat(P)).get("/api/v1/ideas/" + id + "/attachments/" + att)
                .then().statusCode(200).header("Content-Disposition", containsString("UTF-8''")).extract().asByteArray();
        assertArrayEquals(PDF, back);
        get(owner, "/api/v1/ideas/" + id + "/attachments").statusCode(200).body("id", contains(att));
        // another province's member, another province's secretariat: the idea does not exist for them
        given().auth().oauth2(member("att-outsider", "IR-19")).get("/api/v1/ideas/" + id + "/attachments/" + att)
                .then().statusCode(404);
        get(secretariat("IR-19"), "/api/v1/ideas/" + id + "/attachments").statusCode(404);
        // nobody but the owner or team uploads
        upload(secretariat(P), id, "x.pdf", "application/pdf", PDF).statusCode(403);
    }

    @Test
    void aMembersIdeasAttachments_areNotForSummaryReaders() {
        String owner = applicant("att-m-owner");
        String id = submitId(owner, idea(P, "ایدهٔ اعضا", "خلاصه", "MEMBERS"));
        String att = upload(owner, id, "a.png", "image/png", png()).statusCode(201).extract().path("id");
        given().auth().oauth2(member("att-m-out", "IR-19")).get("/api/v1/ideas/" + id + "/attachments/" + att)
                .then().statusCode(403).body("type", endsWith("attachment.confidential"));
        given().auth().oauth2(member("att-m-in", P)).get("/api/v1/ideas/" + id + "/attachments/" + att)
                .then().statusCode(200).contentType("image/png");
    }

    @Test
    void limits_sizeTypeAndCount() {
        String owner = applicant("att-l-owner");
        String id = submitId(owner, idea(P, "ایدهٔ پیوست‌ها", "خلاصه", "PUBLIC"));
        byte[] big = Arrays.copyOf(PDF, 4097);
        upload(owner, id, "big.pdf", "application/pdf", big).statusCode(413);
        // the declared type must match the content: an executable called PDF is refused
        upload(owner, id, "evil.pdf", "application/pdf", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1)).statusCode(415);
        upload(owner, id, "script.html", "text/html", "<script>".getBytes()).statusCode(415);
        upload(owner, id, "../../etc/passwd", "application/pdf", PDF).statusCode(400);
        for (int i = 0; i < 3; i++) {
            upload(owner, id, "f" + i + ".pdf", "application/pdf", PDF).statusCode(201);
        }
        upload(owner, id, "f4.pdf", "application/pdf", PDF).statusCode(409).body("type", endsWith("attachment.too-many"));
    }

    static byte[] png() {
        return new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
    }
}

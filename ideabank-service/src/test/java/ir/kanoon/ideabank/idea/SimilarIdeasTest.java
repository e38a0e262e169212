package ir.kanoon.ideabank.idea;

import ir.kanoon.platform.testing.KanoonTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static ir.kanoon.ideabank.support.Fixtures.*;
import static org.hamcrest.Matchers.*;

/** Persian-aware duplicate detection (pg_trgm over PersianText.fold) and merge (issue 10 acceptance). */
@KanoonTest
class SimilarIdeasTest {

    static final String P = "IR-08";

    @Test
    void nearDuplicateWithArabicYehKafAndWithoutZwnj_isFound_andAnUnrelatedIdeaIsNot() {
        String sec = secretariat(P);
        String original = submitId(applicant("dup-a"), idea(P,
                "سامانه\u200Cی هوشمند کشاورزی برای کم\u200Cآبی",
                "پایش رطوبت خاک و آبیاری خودکار مزرعه\u200Cها با حسگرهای ارزان", "PUBLIC"));
        // Arabic yeh (ي) and kaf (ك), no ZWNJ (joined or spaced): the same idea typed on an Arabic keyboard
        String duplicate = submit(applicant("dup-b"), idea(P,
                "سامانهي هوشمند كشاورزي براي كم آبي",
                "پايش رطوبت خاك و آبياري خودكار مزرعهها با حسگرهاي ارزان", "PUBLIC")).statusCode(201)
                .body("similarOnSubmission.id", hasItem(original)).extract().path("id");
        String unrelated = submitId(applicant("dup-c"), idea(P,
                "فروشگاه اینترنتی پوشاک زنانه",
                "طراحی و فروش لباس مجلسی با ارسال رایگان در تهران", "PUBLIC"));

        get(sec, "/api/v1/ideas/" + duplicate + "/similar").statusCode(200)
                .body("id", hasItem(original)).body("id", not(hasItem(unrelated))).body("id", not(hasItem(duplicate)))
                .body("find { it.id == '" + original + "' }.score", greaterThan(0.6f));
        get(sec, "/api/v1/ideas/" + original + "/similar").statusCode(200).body("id", hasItem(duplicate));
        get(sec, "/api/v1/ideas/" + unrelated + "/similar").statusCode(200)
                .body("id", not(hasItem(original))).body("id", not(hasItem(duplicate)));
        // search is folded the same way
        get(sec, "/api/v1/ideas?q=كشاورزي&province=" + P).statusCode(200).body("items.id", hasItems(original, duplicate));
    }

    @Test
    void duplicateWithARewordedTitleButTheSummaryCopied_isFoundBothWays() {
        // candidates come from shared words (idea_word), the score from trigrams of title + summary: a copied
        // summary under a new title must still be found (issue 10), and a merely related idea of the same sector not
        String sec = secretariat(P);
        String summary = "دستگاه خشک‌کن خورشیدی میوه برای باغداران روستایی با سینی‌های چوبی و تهویهٔ طبیعی";
        String original = submitId(applicant("rw-a"), idea(P, "خشک‌کن خورشیدی میوه", summary, "PUBLIC"));
        String copy = submit(applicant("rw-b"), idea(P, "طرح نگهداری محصول باغ بدون برق", summary, "PUBLIC")).statusCode(201)
                .body("similarOnSubmission.id", hasItem(original)).extract().path("id");
        String related = submitId(applicant("rw-c"), idea(P, "گلخانهٔ خورشیدی سبزی",
                "کشت سبزی در زمستان با گرمایش خورشیدی برای کشاورزان", "PUBLIC"));
        get(sec, "/api/v1/ideas/" + copy + "/similar").statusCode(200)
                .body("id", hasItem(original)).body("id", not(hasItem(related)))
                .body("find { it.id == '" + original + "' }.score", greaterThan(0.3f));
        get(sec, "/api/v1/ideas/" + original + "/similar").statusCode(200).body("id", hasItem(copy));
    }

    @Test
    void revisingAnIdea_changesWhatItIsSimilarTo() {
        // the words that pick candidates follow the text: the idea_word trigger runs on revision too
        String owner = applicant("rv-b");
        String sec = secretariat(P);
        String original = submitId(applicant("rv-a"), idea(P, "اپلیکیشن رزرو نوبت آرایشگاه",
                "نوبت‌دهی برخط آرایشگاه‌های محله با یادآوری پیامکی", "PUBLIC"));
        String id = submitId(owner, idea(P, "اپليكيشن رزرو نوبت آرايشگاه",
                "نوبتدهي برخط آرايشگاههاي محله با يادآوري پيامكي", "PUBLIC"));
        get(sec, "/api/v1/ideas/" + original + "/similar").statusCode(200).body("id", hasItem(id));
        Map<String, Object> revised = idea(P, "پرورش قارچ صدفی در زیرزمین", "بستر کاه گندم و فروش به رستوران‌ها", "PUBLIC");
        io.restassured.RestAssured.given().auth().oauth2(owner).header("If-Match", etag(owner, id)).contentType("application/json")
                .body(revised).put("/api/v1/ideas/" + id).then().statusCode(200);
        get(sec, "/api/v1/ideas/" + original + "/similar").statusCode(200).body("id", not(hasItem(id)));
        String mushrooms = submit(applicant("rv-c"), idea(P, "پرورش قارچ صدفي در زيرزمين",
                "بستر كاه گندم و فروش به رستورانها", "PUBLIC")).statusCode(201)
                .body("similarOnSubmission.id", hasItem(id)).body("similarOnSubmission.id", not(hasItem(original)))
                .extract().path("id");
        get(sec, "/api/v1/ideas/" + id + "/similar").statusCode(200).body("id", hasItem(mushrooms));
    }

    @Test
    void merge_keepsTheDuplicateReadOnlyAndLinked() {
        String sec = secretariat(P);
        String original = submitId(applicant("m-a"), idea(P, "تولید کود از پسماند شهری", "کمپوست پسماند تر", "PUBLIC"));
        String dup = submitId(applicant("m-b"), idea(P, "توليد كود از پسماند شهري", "كمپوست پسماند تر", "PUBLIC"));
        act(sec, dup, "merge", Map.of("originalId", dup, "reason", "x")).statusCode(400);
        act(sec, dup, "merge", Map.of("originalId", original, "reason", "تکراری")).statusCode(200)
                .body("status", is("MERGED")).body("mergedInto", is(original));
        // read-only afterwards, still readable and linked
        get(sec, "/api/v1/ideas/" + dup).statusCode(200).body("mergedInto", is(original));
        status(sec, dup, "SCREENING").statusCode(409).body("type", endsWith("idea.merged-read-only"));
        act(sec, original, "merge", Map.of("originalId", dup, "reason", "x")).statusCode(409)
                .body("type", endsWith("merge.original-merged"));
        // merged duplicates are not offered as similar any more
        get(sec, "/api/v1/ideas/" + original + "/similar").statusCode(200).body("id", not(hasItem(dup)));
        get(sec, "/api/v1/ideas/" + original + "/history").statusCode(200).body("action", hasItem("DUPLICATE_MERGED_IN"));
        get(sec, "/api/v1/ideas/" + dup + "/history").statusCode(200)
                .body("find { it.action == 'MERGED' }.toStatus", is("MERGED"));
    }

    @Test
    void searchAndFacets() {
        String sec = secretariat("IR-10");
        Map<String, Object> a = idea("IR-10", "نان سنتی صنعتی", "خط تولید نان سنگک", "PUBLIC");
        a.put("sector", "FOOD");
        a.put("supportSought", List.of("INCUBATION"));
        String id = submitId(applicant("f-a"), a);
        Map<String, Object> b = idea("IR-10", "نان حجیم", "نانوایی صنعتی", "REVIEWERS");
        b.put("sector", "FOOD");
        submitId(applicant("f-b"), b);
        get(sec, "/api/v1/ideas/facets?sector=FOOD").statusCode(200).body("total", is(2))
                .body("kind.IDEA", is(2)).body("supportSought.INCUBATION", is(1)).body("province.IR-10", is(2));
        // another province's member sees only the PUBLIC one
        get(member("f-reader", "IR-11"), "/api/v1/ideas/facets?sector=FOOD&province=IR-10").statusCode(200).body("total", is(1));
        get(sec, "/api/v1/ideas?supportSought=INCUBATION&sector=FOOD").statusCode(200).body("items.id", contains(id));
        get(sec, "/api/v1/ideas?limit=1&sector=FOOD").statusCode(200).body("items", hasSize(1)).body("nextCursor", notNullValue());
        get(sec, "/api/v1/ideas?cursor=garbage").statusCode(400);
        // the bank is browsable across provinces (what each idea's level allows); management is not
        get(sec, "/api/v1/ideas?province=IR-11").statusCode(200);
    }
}

package ir.kanoon.networking.supportpackage;

import ir.kanoon.networking.support.Members;
import ir.kanoon.networking.support.Members.M;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static ir.kanoon.networking.support.Api.act;
import static ir.kanoon.networking.support.Api.get;
import static ir.kanoon.networking.support.Api.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Support packages (Art. 3-4): eligibility by category (Art. 4, R7), sector and province; province isolation. */
@KanoonTest
class SupportPackageApiTest {

    static Map<String, Object> body(String title, List<String> categories, List<String> sectors, List<String> provinces) {
        Map<String, Object> b = new HashMap<>();
        b.put("title", title);
        b.put("kind", "LOAN");
        b.put("provider", "صندوق کارآفرینی امید");
        b.put("categories", categories);
        b.put("sectors", sectors);
        b.put("provinces", provinces);
        b.put("validFrom", ir.kanoon.platform.jalali.TehranTime.today().minusDays(10).toString());
        b.put("validUntil", ir.kanoon.platform.jalali.TehranTime.today().plusDays(100).toString());
        return b;
    }

    static String published(String token, Map<String, Object> body) {
        String id = post(token, "/api/v1/support-packages", body).statusCode(201).body("status", equalTo("DRAFT"))
                .extract().path("id");
        act(token, "/api/v1/support-packages/" + id, "publish", null).statusCode(200);
        return id;
    }

    static List<String> eligible(M m) {
        return get(m.token(), "/api/v1/support-packages/eligible?limit=100").statusCode(200).extract().jsonPath()
                .getList("items.id");
    }

    @Test
    void r7_eligibilityByCategoryAndProvince() {
        String admin = TestTokens.ministryAdmin();
        String facultyOnly = published(admin, body("ویژهٔ هیئت علمی", List.of("FACULTY"), List.of(), List.of()));
        String entrepreneursInFars = published(admin, body("وام فارس", List.of("ENTREPRENEUR"), List.of(), List.of("IR-14")));
        String homeBusinesses = published(admin, body("مشاغل خانگی", List.of(), List.of("HOME_BUSINESS"), List.of()));
        String everyone = published(admin, body("همگانی", List.of(), List.of(), List.of()));
        String draft = post(admin, "/api/v1/support-packages", body("پیش‌نویس", List.of(), List.of(), List.of()))
                .statusCode(201).extract().path("id");
        Map<String, Object> expiredBody = body("منقضی", List.of(), List.of(), List.of());
        expiredBody.put("validFrom", ir.kanoon.platform.jalali.TehranTime.today().minusDays(30).toString());
        expiredBody.put("validUntil", ir.kanoon.platform.jalali.TehranTime.today().minusDays(1).toString());
        String expired = published(admin, expiredBody);

        M farsEntrepreneur = Members.member("IR-14", "ENTREPRENEUR", "INDUSTRIAL", "کارآفرین فارس");
        M tehranEntrepreneur = Members.member("IR-07", "ENTREPRENEUR", "HOME_BUSINESS", "کارآفرین تهران");
        M faculty = Members.member("IR-14", "FACULTY", null, "استاد");
        Members.admitDirectly(List.of(farsEntrepreneur, tehranEntrepreneur, faculty));

        List<String> fars = eligible(farsEntrepreneur);
        org.junit.jupiter.api.Assertions.assertTrue(fars.containsAll(List.of(entrepreneursInFars, everyone)));
        org.junit.jupiter.api.Assertions.assertFalse(fars.contains(facultyOnly) || fars.contains(homeBusinesses)
                || fars.contains(draft) || fars.contains(expired));

        List<String> tehran = eligible(tehranEntrepreneur);
        org.junit.jupiter.api.Assertions.assertTrue(tehran.containsAll(List.of(homeBusinesses, everyone)));
        org.junit.jupiter.api.Assertions.assertFalse(tehran.contains(entrepreneursInFars) || tehran.contains(facultyOnly));

        List<String> prof = eligible(faculty);
        org.junit.jupiter.api.Assertions.assertTrue(prof.containsAll(List.of(facultyOnly, everyone)));
        org.junit.jupiter.api.Assertions.assertFalse(prof.contains(entrepreneursInFars) || prof.contains(homeBusinesses));

        // the drafts are not in the public catalogue
        get(farsEntrepreneur.token(), "/api/v1/support-packages/" + draft).statusCode(404);
        get(farsEntrepreneur.token(), "/api/v1/support-packages?limit=100").body("items.id", not(hasItem(draft)));
    }

    @Test
    void r7_onlyTheFourCategoriesOfArticle4() {
        post(TestTokens.ministryAdmin(), "/api/v1/support-packages",
                body("نامعتبر", List.of("STUDENT"), List.of(), List.of())).statusCode(400)
                .body("violations[0].field", equalTo("categories[0]"));
    }

    @Test
    void provinceIsolation_staffManageTheirOwnProvincesPackagesOnly() {
        String fars = TestTokens.secretariat("IR-14");
        // own province by default
        String id = post(fars, "/api/v1/support-packages", body("آموزش فارس", List.of(), List.of(), List.of()))
                .statusCode(201).body("provinces", equalTo(List.of("IR-14"))).body("ownerProvince", equalTo("IR-14"))
                .extract().path("id");
        // offering to another province's members: 403
        post(fars, "/api/v1/support-packages", body("برای تهران", List.of(), List.of(), List.of("IR-07")))
                .statusCode(403);
        // another province's staff cannot publish it, nor a read-only role
        act(fars, TestTokens.secretariat("IR-07"), "/api/v1/support-packages/" + id, "publish", null).statusCode(403);
        act(fars, TestTokens.ministryAnalyst(), "/api/v1/support-packages/" + id, "publish", null).statusCode(403);
        act(fars, "/api/v1/support-packages/" + id, "publish", null).statusCode(200);
        // national packages are the ministry's
        String national = post(TestTokens.ministryAdmin(), "/api/v1/support-packages",
                body("ملی", List.of(), List.of(), List.of())).statusCode(201).extract().path("id");
        act(TestTokens.ministryAdmin(), fars, "/api/v1/support-packages/" + national, "publish", null).statusCode(403);
        // members cannot create
        post(TestTokens.member("m", "IR-14"), "/api/v1/support-packages",
                body("x", List.of(), List.of(), List.of())).statusCode(403);
    }
}

package ir.kanoon.networking.directory;

import io.restassured.response.Response;
import ir.kanoon.networking.support.Members;
import ir.kanoon.networking.support.Members.M;
import ir.kanoon.platform.events.CloudEvent;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static ir.kanoon.networking.support.Api.get;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The directory (Art. 3-7) is a projection of membership's events, read from the real broker: never membership's
 * database. Redeliveries change nothing; suspended and terminated members disappear; a member may hide themselves.
 */
@KanoonTest
class DirectoryProjectionTest {

    static final String P = "IR-08";

    private static String reader() {
        return TestTokens.member("reader-" + P, P);
    }

    private static boolean listed(String token, M m, String query) {
        List<String> ids = get(token, "/api/v1/directory?limit=100&" + query).statusCode(200).extract()
                .jsonPath().getList("items.memberId");
        return ids.contains(m.memberId().toString());
    }

    @Test
    void admittedAppears_terminatedDisappears_idempotentWhenDeliveredTwice() {
        M m = Members.member(P, "سارا احمدی", "صنایع غذایی");
        CloudEvent admitted = Members.event(m, "admitted", "ACTIVE", null);
        Members.send(admitted, admitted); // the same event twice (at-least-once delivery)
        await().atMost(Duration.ofSeconds(30)).until(() -> listed(reader(), m, "q=" + "سارا"));
        List<Map<String, Object>> cards = get(reader(), "/api/v1/directory?limit=100&province=" + P).extract()
                .jsonPath().getList("items.findAll { it.memberId == '" + m.memberId() + "' }");
        assertEquals(1, cards.size(), "one card, not two");

        CloudEvent terminated = Members.event(m, "terminated", "TERMINATED", "ACTIVE");
        Members.send(terminated, terminated);
        await().atMost(Duration.ofSeconds(30)).until(() -> !listed(reader(), m, "province=" + P));
        get(reader(), "/api/v1/directory/" + m.memberId()).statusCode(404);

        // the admitted event delivered again, late (a new delivery of the old record): still gone
        Members.send(admitted);
        M marker = Members.member(P, "نشانگر ترتیب");
        Members.send(Members.event(marker, "admitted", "ACTIVE", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> listed(reader(), marker, "province=" + P));
        assertFalse(listed(reader(), m, "province=" + P));
    }

    @Test
    void anUnreadableMemberEventIsSetAside_andLaterEventsStillApply() {
        M broken = Members.member(P, "بی‌دسته");
        java.util.Map<String, Object> data = Members.data(broken, "ACTIVE", null);
        data.remove("category"); // membership always sends it: this event can never be applied
        Members.send(ir.kanoon.platform.events.CloudEvents.create("/kanoon/membership",
                "ir.kanoon.membership.member.admitted.v1", broken.memberId().toString(), P, data));
        M next = Members.member(P, "پس از خراب");
        Members.send(Members.event(next, "admitted", "ACTIVE", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> listed(reader(), next, "province=" + P));
        assertFalse(listed(reader(), broken, "province=" + P));
    }

    @Test
    void suspendedDisappears_reinstatedComesBack() {
        M m = Members.member(P, "رضا تعلیقی");
        Members.send(Members.event(m, "admitted", "ACTIVE", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> listed(reader(), m, "province=" + P));
        Members.send(Members.event(m, "suspended", "SUSPENDED", "ACTIVE"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !listed(reader(), m, "province=" + P));
        Members.send(Members.event(m, "reinstated", "ACTIVE", "SUSPENDED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> listed(reader(), m, "province=" + P));
    }

    @Test
    void neverShowsNationalIdMobileOrEmail() {
        M m = Members.admitted(P, "مینا بی‌نام", "بسته‌بندی");
        Response r = given().auth().oauth2(TestTokens.ministryAdmin()).get("/api/v1/directory/" + m.memberId());
        assertEquals(200, r.statusCode());
        String body = r.asString();
        for (String field : List.of("nationalId", "mobile", "email", "birthDate", "contactEmail", "contactPhone", "userId")) {
            assertFalse(body.contains(field), field + " must not be in " + body);
        }
        String list = get(reader(), "/api/v1/directory?province=" + P).extract().asString();
        for (String field : List.of("nationalId", "mobile", "email", "birthDate", "userId")) {
            assertFalse(list.contains(field), field);
        }
    }

    @Test
    void persianFoldedSearch_arabicLettersAndSpacesFindTheCanonicalName() {
        M m = Members.admitted(P, "كيوان كارآفريني", "مهندسی نرم‌افزار"); // Arabic yeh and kaf
        assertTrue(listed(reader(), m, "q=کیوان کار آفرینی"));
        assertTrue(listed(reader(), m, "q=كيوان"));
        assertTrue(listed(reader(), m, "expertise=مهندسی نرم افزار"));
        assertTrue(listed(reader(), m, "sector=INDUSTRIAL&province=" + P + "&q=کیوان"));
        assertFalse(listed(reader(), m, "q=کیوان&sector=SERVICES"));
        get(reader(), "/api/v1/directory/" + m.memberId()).statusCode(200)
                .body("displayName", org.hamcrest.Matchers.equalTo("کیوان کارآفرینی"));
    }

    @Test
    void aMemberWhoHidesThemselvesDisappearsFromEveryQuery() {
        M m = Members.admitted(P, "پنهان‌شونده", "گردشگری");
        assertTrue(listed(reader(), m, "q=پنهان"));
        String etag = given().auth().oauth2(m.token()).get("/api/v1/directory/me").then().statusCode(200)
                .body("hidden", org.hamcrest.Matchers.equalTo(false)).extract().header("ETag");
        given().auth().oauth2(m.token()).contentType("application/json").body(Map.of("hidden", true))
                .put("/api/v1/directory/me").then().statusCode(428);
        given().auth().oauth2(m.token()).contentType("application/json").header("If-Match", etag)
                .body(Map.of("hidden", true)).put("/api/v1/directory/me").then().statusCode(200);
        // stale ETag after the change
        given().auth().oauth2(m.token()).contentType("application/json").header("If-Match", etag)
                .body(Map.of("hidden", false)).put("/api/v1/directory/me").then().statusCode(412);

        for (String token : List.of(reader(), TestTokens.ministryAdmin(), TestTokens.secretariat(P))) {
            assertFalse(listed(token, m, "q=پنهان"));
            assertFalse(listed(token, m, "province=" + P));
            assertFalse(listed(token, m, "expertise=گردشگری"));
            assertFalse(listed(token, m, ""));
            get(token, "/api/v1/directory/" + m.memberId()).statusCode(404);
        }
        // they still see their own settings
        get(m.token(), "/api/v1/directory/me").statusCode(200).body("hidden", org.hamcrest.Matchers.equalTo(true))
                .body("listing.memberId", org.hamcrest.Matchers.equalTo(m.memberId().toString()));
    }

    @Test
    void anApplicantCannotBrowse_andNoTokenIs401() {
        given().get("/api/v1/directory").then().statusCode(401);
        get(TestTokens.applicant("nobody"), "/api/v1/directory").statusCode(403);
        get(reader(), "/api/v1/directory?province=XX-99").statusCode(400);
    }
}

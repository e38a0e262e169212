package ir.kanoon.networking.connection;

import ir.kanoon.networking.support.Members;
import ir.kanoon.networking.support.Members.M;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static ir.kanoon.networking.support.Api.act;
import static ir.kanoon.networking.support.Api.get;
import static ir.kanoon.networking.support.Api.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Introductions (Art. 3-7): contact details only after acceptance, only the parties, a daily cap (3 in tests). */
@KanoonTest
class ConnectionApiTest {

    static final String P = "IR-10";

    static void shareContact(M m, String email, String phone) {
        String etag = given().auth().oauth2(m.token()).get("/api/v1/directory/me").then().extract().header("ETag");
        given().auth().oauth2(m.token()).contentType("application/json").header("If-Match", etag)
                .body(Map.of("hidden", false, "contactEmail", email, "contactPhone", phone))
                .put("/api/v1/directory/me").then().statusCode(200).body("contactPhone", equalTo("09121112233"));
    }

    static Map<String, Object> ask(M target) {
        return Map.of("targetMemberId", target.memberId().toString(), "purpose", "PARTNERSHIP",
                "message", "مايلم درباره همكاري گفتگو كنيم");
    }

    @Test
    void contactDetailsHiddenBeforeAcceptance_sharedAfter_onlyWithTheParties() {
        M asker = Members.admitted(P, "درخواست‌دهنده");
        M target = Members.admitted("IR-11", "مخاطب");
        shareContact(target, "target@example.ir", "+989121112233");
        shareContact(asker, "asker@example.ir", "00989121112233");
        String id = post(asker.token(), "/api/v1/connections", ask(target)).statusCode(201)
                .body("status", equalTo("PENDING")).body("counterpartContact", nullValue())
                .body("message", equalTo("مایلم درباره همکاری گفتگو کنیم")).extract().path("id");
        String path = "/api/v1/connections/" + id;
        get(asker.token(), path).statusCode(200).body("counterpartContact", nullValue());
        get(target.token(), path).statusCode(200).body("counterpartContact", nullValue())
                .body("direction", equalTo("RECEIVED"));
        String body = get(asker.token(), path).extract().asString();
        assertEquals(false, body.contains("target@example.ir"));

        // a third member, staff, ministry: not a party, 404 (existence private)
        get(Members.admitted(P, "ناظر").token(), path).statusCode(404);
        // the requester cannot accept their own request (four eyes of a kind: the other party decides)
        act(asker.token(), path, "accept", null).statusCode(403);

        act(target.token(), path, "accept", null).statusCode(200).body("status", equalTo("ACCEPTED"))
                .body("counterpartContact.email", equalTo("asker@example.ir"));
        get(asker.token(), path).statusCode(200).body("counterpartContact.email", equalTo("target@example.ir"))
                .body("counterpartContact.phone", equalTo("09121112233"));
        // accepted is final
        act(target.token(), path, "decline", null).statusCode(409);
        // "my connections"
        get(asker.token(), "/api/v1/connections?direction=sent&status=ACCEPTED").statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
        get(target.token(), "/api/v1/connections?direction=received").statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
        get(target.token(), path + "/history").statusCode(200)
                .body("action", org.hamcrest.Matchers.hasItems("REQUESTED", "ACCEPT"));
    }

    @Test
    void idempotencyKeyReplay_returnsTheFirstRequest_andCreatesNothingNew() {
        M asker = Members.admitted(P, "تکرارکننده");
        M target = Members.admitted(P, "مقصد تکرار");
        String key = java.util.UUID.randomUUID().toString();
        String first = given().auth().oauth2(asker.token()).contentType("application/json").header("Idempotency-Key", key)
                .body(ask(target)).post("/api/v1/connections").then().statusCode(201).extract().path("id");
        given().auth().oauth2(asker.token()).contentType("application/json").header("Idempotency-Key", key)
                .body(ask(target)).post("/api/v1/connections").then().statusCode(201)
                .header("Idempotency-Replayed", "true").body("id", equalTo(first));
        assertEquals(1, get(asker.token(), "/api/v1/connections?direction=sent").extract().jsonPath()
                .getList("items").size());
    }

    @Test
    void declineAndWithdraw_andNeverToAHiddenOrInactiveMember() {
        M asker = Members.admitted(P, "الف");
        M target = Members.admitted(P, "ب");
        String id = post(asker.token(), "/api/v1/connections", ask(target)).statusCode(201).extract().path("id");
        // one pending request between two members
        post(asker.token(), "/api/v1/connections", ask(target)).statusCode(409);
        act(target.token(), "/api/v1/connections/" + id, "withdraw", null).statusCode(403);
        act(asker.token(), "/api/v1/connections/" + id, "withdraw", null).statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        // to myself: 400 naming the field
        post(asker.token(), "/api/v1/connections", ask(asker)).statusCode(400)
                .body("violations[0].field", equalTo("targetMemberId"));
        // an unknown member: 404
        post(asker.token(), "/api/v1/connections", ask(Members.member(P, "ناموجود"))).statusCode(404);
        // not a member at all: 403
        post(TestTokens.member("ghost", P), "/api/v1/connections", ask(target)).statusCode(403);
    }

    @Test
    void dailyCap_threeRequestsADay_alsoWhenSentAtOnce() throws Exception {
        M asker = Members.admitted(P, "پرتلاش");
        List<M> targets = Members.many(8, P);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (M t : targets) {
            results.add(pool.submit(() -> {
                start.await();
                return post(asker.token(), "/api/v1/connections", ask(t)).extract().statusCode();
            }));
        }
        start.countDown();
        int created = 0;
        int capped = 0;
        for (Future<Integer> f : results) {
            int status = f.get(60, TimeUnit.SECONDS);
            if (status == 201) {
                created++;
            } else if (status == 422) {
                capped++;
            }
        }
        pool.shutdown();
        assertEquals(3, created);
        assertEquals(5, capped);
        post(asker.token(), "/api/v1/connections", ask(Members.admitted(P, "دیگری"))).statusCode(422)
                .body("type", equalTo("/problems/connection.daily-cap"));
    }
}

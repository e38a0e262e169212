package ir.kanoon.platform.security;

import io.restassured.response.Response;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The services' cache of verified bearer tokens (issue 13): a token verified once is served from the cache until its
 * {@code exp} and never after, a changed token is verified from scratch, and everything {@link Caller} and
 * {@code @RolesAllowed} read is what an uncached request reads — with each request's own routing context.
 */
@KanoonTest
class TokenCacheTest {

    private static final String PATH = "/api/v1/probes/whoami";

    private static Response whoami(String token, String probe) {
        return given().auth().oauth2(token).header("X-Probe", probe).when().get(PATH);
    }

    @Test
    void aVerifiedTokenIsServedFromTheCacheWithTheSameRolesAndProvinceClaims() {
        String token = TestTokens.user("cache-sec-1").roles(Roles.SECRETARIAT, Roles.MEMBER).province("IR-07")
                .claim("member_province", "IR-04").sign();
        Map<String, Object> first = whoami(token, "one").then().statusCode(200).extract().jsonPath().getMap("$");
        Map<String, Object> second = whoami(token, "two").then().statusCode(200).extract().jsonPath().getMap("$");

        assertEquals(false, first.get("cached"), "the first request is verified by quarkus-oidc");
        assertEquals(true, second.get("cached"), "the second is rebuilt from the cache");
        for (String claim : List.of("subject", "displayName", "roles", "province", "memberProvince", "readOnly")) {
            assertEquals(first.get(claim), second.get(claim), claim + " differs between a verified and a cached request");
        }
        assertEquals("cache-sec-1", second.get("subject"));
        assertEquals(List.of(Roles.MEMBER, Roles.SECRETARIAT), second.get("roles"));
        assertEquals("IR-07", second.get("province"));
        assertEquals("IR-04", second.get("memberProvince"));
    }

    @Test
    void aCachedIdentityCarriesTheRoutingContextOfItsOwnRequestNeverAnotherOne() throws Exception {
        String token = TestTokens.user("cache-rc").roles(Roles.MINISTRY_ANALYST).sign();
        whoami(token, "warm").then().statusCode(200);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Map<String, Object>>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String probe = "request-" + i;
                answers.add(pool.submit(() -> whoami(token, probe).then().statusCode(200).extract().jsonPath().getMap("$")));
            }
            for (int i = 0; i < answers.size(); i++) {
                Map<String, Object> answer = answers.get(i).get();
                assertEquals("request-" + i, answer.get("probe"), "an identity served another request's routing context");
                assertEquals(true, answer.get("cached"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoCachedTokensNeverAnswerForEachOther() {
        String tehran = TestTokens.secretariat("IR-07");
        String isfahan = TestTokens.secretariat("IR-04");
        for (int round = 0; round < 3; round++) {
            assertEquals("IR-07", whoami(tehran, "t").jsonPath().getString("province"));
            assertEquals("sec-IR-07", whoami(tehran, "t").jsonPath().getString("subject"));
            assertEquals("IR-04", whoami(isfahan, "i").jsonPath().getString("province"));
            assertEquals("sec-IR-04", whoami(isfahan, "i").jsonPath().getString("subject"));
        }
    }

    @Test
    void aTokenWithOneByteChangedIsVerifiedFromScratchAndRefused() {
        String token = TestTokens.user("cache-tamper").roles(Roles.MINISTRY_ANALYST).sign();
        whoami(token, "a").then().statusCode(200);
        assertEquals(true, whoami(token, "b").jsonPath().getBoolean("cached"));

        int i = token.lastIndexOf('.') + 10;   // inside the signature, away from base64's padding bits
        String tampered = token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);
        whoami(tampered, "c").then().statusCode(401);
        whoami(tampered, "d").then().statusCode(401);
        whoami(token, "e").then().statusCode(200);
    }

    @Test
    void anExpiredTokenIsRefusedEvenThoughItWasCached() {
        Instant exp = Instant.now().plusSeconds(4);
        String token = TestTokens.user("cache-exp").roles(Roles.MINISTRY_ANALYST).claim("exp", exp.getEpochSecond()).sign();
        whoami(token, "a").then().statusCode(200);
        boolean servedBeforeExp = Instant.now().isBefore(exp.minusSeconds(1));
        Response second = whoami(token, "b");
        if (servedBeforeExp) {
            assertEquals(200, second.statusCode());
            assertTrue(second.jsonPath().getBoolean("cached"), "the live token was cached");
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> Instant.now().getEpochSecond() >= exp.getEpochSecond() + 1);
        whoami(token, "c").then().statusCode(401);
        whoami(token, "d").then().statusCode(401);
    }

    @Test
    void rolesAllowedStillRefusesACachedTokenWithoutTheRole() {
        String analyst = TestTokens.user("cache-roles").roles(Roles.MINISTRY_ANALYST).sign();
        whoami(analyst, "a").then().statusCode(200);
        assertTrue(whoami(analyst, "b").jsonPath().getBoolean("cached"));
        given().auth().oauth2(analyst).when().post(PATH).then().statusCode(403);
        given().auth().oauth2(analyst).when().post(PATH).then().statusCode(403);

        String admin = TestTokens.ministryAdmin();
        given().auth().oauth2(admin).when().post(PATH).then().statusCode(200);
        given().auth().oauth2(admin).when().post(PATH).then().statusCode(200);
        assertFalse(whoami(admin, "x").jsonPath().getBoolean("readOnly"));
    }

    @Test
    void noTokenAndABadlySignedTokenAreRefused() {
        given().when().get(PATH).then().statusCode(401);
        String forged = TestTokens.user("cache-forged").roles(Roles.MINISTRY_ADMIN).badSignature().sign();
        whoami(forged, "a").then().statusCode(401);
        whoami(forged, "b").then().statusCode(401);
    }
}

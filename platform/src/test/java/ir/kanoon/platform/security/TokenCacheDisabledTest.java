package ir.kanoon.platform.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import ir.kanoon.platform.testing.KanoonTest;
import ir.kanoon.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code kanoon.security.token-cache.enabled=false}: every request is verified by quarkus-oidc, and works as before. */
@KanoonTest
@TestProfile(TokenCacheDisabledTest.CacheOff.class)
class TokenCacheDisabledTest {

    public static class CacheOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kanoon.security.token-cache.enabled", "false");
        }
    }

    @Test
    void withTheCacheOffEveryRequestIsVerifiedAndCallerReadsTheSameClaims() {
        String token = TestTokens.user("nocache").roles(Roles.SECRETARIAT).province("IR-07").sign();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> me = given().auth().oauth2(token).header("X-Probe", "p" + i).when()
                    .get("/api/v1/probes/whoami").then().statusCode(200).extract().jsonPath().getMap("$");
            assertEquals(false, me.get("cached"));
            assertEquals("p" + i, me.get("probe"));
            assertEquals("IR-07", me.get("province"));
            assertEquals(List.of(Roles.SECRETARIAT), me.get("roles"));
        }
        given().auth().oauth2(TestTokens.user("x").expired().roles(Roles.SECRETARIAT).sign()).when()
                .get("/api/v1/probes/whoami").then().statusCode(401);
    }
}

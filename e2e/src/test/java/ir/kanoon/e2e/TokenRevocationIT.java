package ir.kanoon.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, token revocation: the bound is the access token's lifetime (gateway README, "Decisions").
 * The real Keycloak issues tokens that live at most 5 minutes, and the gateway accepts such a token
 * (its cache of verified tokens keeps it until exp, never longer: gateway TokenLifetimeTest, AuthTest).
 */
class TokenRevocationIT {

    private static final long BOUND_SECONDS = 300;

    @Test
    void keycloakAccessTokensLiveAtMostFiveMinutes() {
        for (String user : new String[] {"tehran-secretariat", "ministry-analyst"}) {
            JsonNode claims = Stack.claims(Stack.tokenOf(user));
            long lifetime = claims.path("exp").asLong() - claims.path("iat").asLong();
            assertTrue(lifetime > 0 && lifetime <= BOUND_SECONDS,
                    user + "'s access token lives " + lifetime + " s; the revocation bound is " + BOUND_SECONDS + " s");
        }
    }

    @Test
    void theGatewayAcceptsAFreshShortLivedToken() {
        given().auth().oauth2(Stack.tokenOf("ministry-analyst")).get(Stack.GATEWAY + "/api/v1/members")
                .then().statusCode(200);
    }
}

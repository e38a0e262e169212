package ir.kanoon.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, token revocation: a suspended member keeps what the access token says until it expires,
 * in the gateway (VerifiedTokens caches until exp, never longer) and in every service. The bound is
 * the token's lifetime, so the realm must keep it at 5 minutes at most, with no client overriding it.
 */
class TokenLifetimeTest {

    private static final int BOUND_SECONDS = 300;

    @Test
    void realmAccessTokensLiveAtMostFiveMinutes() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(Path.of("..", "deploy", "keycloak", "kanoon-realm.json").toFile());
        int lifespan = realm.path("accessTokenLifespan").asInt(Integer.MAX_VALUE);
        assertTrue(lifespan <= BOUND_SECONDS, "accessTokenLifespan " + lifespan + " s exceeds the revocation bound");
        for (JsonNode client : realm.path("clients")) {
            assertNull(client.path("attributes").get("access.token.lifespan"),
                    client.path("clientId").asText() + " overrides the realm's access token lifespan");
        }
    }

    @Test
    void theCacheOfVerifiedTokensNeverOutlivesExp() {
        VerifiedTokens cache = new VerifiedTokens(io.vertx.core.Vertx.vertx(), 10, true);
        try {
            long now = System.currentTimeMillis() / 1000;
            cache.remember("expired", new Caller("u", true), now);
            assertNull(cache.lookup("expired"), "a token at its exp is not served from the cache");
            cache.remember("live", new Caller("u", true), now + 60);
            assertEquals("u", cache.lookup("live").client());
        } finally {
            cache.stop();
        }
    }
}

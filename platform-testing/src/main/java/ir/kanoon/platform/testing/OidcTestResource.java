package ir.kanoon.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Makes the service under test verify bearer tokens locally against {@link TestTokens}'s key, with the
 * same issuer and audience checks as against Keycloak, and no OIDC server (the end-to-end suite uses
 * the real Keycloak).
 */
public class OidcTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.auth-server-url", "",
                "quarkus.oidc.public-key", TestTokens.publicKey(),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER,
                "quarkus.oidc.token.audience", TestTokens.AUDIENCE,
                "quarkus.keycloak.devservices.enabled", "false");
    }

    @Override
    public void stop() {
    }
}

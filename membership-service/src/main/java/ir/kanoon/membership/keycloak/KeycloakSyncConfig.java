package ir.kanoon.membership.keycloak;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The Keycloak role sync: admin REST API of {@code server-url}, realm, and the service account's client credentials. */
@ConfigMapping(prefix = "kanoon.keycloak-sync")
public interface KeycloakSyncConfig {

    @WithDefault("true")
    boolean enabled();

    /** Keycloak base URL, e.g. {@code http://localhost:8180} (no {@code /realms/...}). */
    @WithDefault("http://localhost:8180")
    String serverUrl();

    @WithDefault("kanoon")
    String realm();

    @WithDefault("membership-service")
    String clientId();

    Optional<String> clientSecret();

    /** The realm role members hold. */
    @WithDefault("member")
    String role();

    /** How often pending changes are pushed to Keycloak. */
    @WithDefault("5s")
    Duration interval();

    /** Longest wait between two attempts for one user while Keycloak is failing. */
    @WithDefault("5m")
    Duration maxBackoff();
}

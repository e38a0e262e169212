package ir.kanoon.platform.rolesync;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the Keycloak role sync ({@code kanoon.role-sync.*}): where Keycloak's admin REST API is, the
 * service account that may manage users, and how patiently to call it. Every remote call has a connect and a
 * read timeout, so a hanging Keycloak costs one attempt, never a stuck job.
 */
@ConfigMapping(prefix = "kanoon.role-sync")
public interface RoleSyncConfig {

    /** Push desired states to Keycloak. Off in tests and in services that grant no roles. */
    @WithDefault("false")
    boolean enabled();

    /** Keycloak base URL, e.g. {@code http://localhost:8180} (no {@code /realms/...}). */
    @WithDefault("http://localhost:8180")
    String serverUrl();

    @WithDefault("kanoon")
    String realm();

    /** The service account (client credentials) that may read/update users and map the role it syncs (deploy/README.md). */
    @WithDefault("unset")
    String clientId();

    Optional<String> clientSecret();

    /**
     * The user attribute that carries the scope province of a granted role; emitted as a claim of the same
     * name. Default {@code member_province}: where the person belongs as member or trustee. Never
     * {@code province}: that is the staff scope, set by administrators only (conventions, Security).
     */
    @WithDefault("member_province")
    String scopeAttribute();

    /** How often due rows are pushed. */
    @WithDefault("5s")
    Duration interval();

    @WithDefault("3s")
    Duration connectTimeout();

    @WithDefault("10s")
    Duration readTimeout();

    /** Rows taken per run. */
    @WithDefault("50")
    int batchSize();

    /**
     * How long a taken row is left to the replica that took it before another may take it again (it must
     * exceed the few remote calls of one row with their timeouts).
     */
    @WithDefault("2m")
    Duration lease();

    /** Longest wait between two attempts for one row while Keycloak is failing. */
    @WithDefault("5m")
    Duration maxBackoff();
}

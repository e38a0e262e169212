package ir.kanoon.gateway.auth;

import io.vertx.core.Vertx;
import ir.kanoon.platform.http.VerifiedTokenCache;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tokens that quarkus-oidc has already verified, until their {@code exp} and never longer. A front-end
 * sends the same access token with every request for its 5 minutes of life (realm accessTokenLifespan); verifying its RS256 signature each time
 * dominated the gateway's cost per request (see bench/gateway/RESULTS.md), while the answer cannot
 * change before {@code exp}: signature, issuer and audience are properties of the exact bytes, which
 * are the cache key (a tampered token is another key and is verified from scratch).
 *
 * <p>The cache itself is platform-http's {@link VerifiedTokenCache}, the same one the services use for their
 * identities; this bean only gives it the gateway's configuration and a periodic sweep.
 * Like any local JWT check, this does not see revocation before expiry; the services behave the same.
 * The bound is the token's lifetime, 5 minutes (gateway README, "Token revocation").
 */
@ApplicationScoped
public class VerifiedTokens {

    private final VerifiedTokenCache<Caller> cache;
    private final Runnable stopSweeping;

    public VerifiedTokens(Vertx vertx,
                          @ConfigProperty(name = "kanoon.gateway.token-cache.max-entries", defaultValue = "20000") int maxEntries,
                          @ConfigProperty(name = "kanoon.gateway.token-cache.enabled", defaultValue = "true") boolean enabled) {
        this.cache = new VerifiedTokenCache<>(maxEntries, enabled);
        this.stopSweeping = cache.sweepPeriodically(vertx);
    }

    @PreDestroy
    void stop() {
        stopSweeping.run();
    }

    /** The caller of a token verified before and not yet expired, or null. */
    Caller lookup(String token) {
        return cache.lookup(token);
    }

    void remember(String token, Caller caller, long expiresAtSeconds) {
        cache.remember(token, caller, expiresAtSeconds);
    }

    void sweep(long now) {
        cache.sweep(now);
    }
}

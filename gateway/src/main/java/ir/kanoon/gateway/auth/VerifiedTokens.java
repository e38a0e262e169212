package ir.kanoon.gateway.auth;

import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens that quarkus-oidc has already verified, until their {@code exp} and never longer. A front-end
 * sends the same access token with every request for its 5 minutes of life (realm accessTokenLifespan); verifying its RS256 signature each time
 * dominated the gateway's cost per request (see bench/gateway/RESULTS.md), while the answer cannot
 * change before {@code exp}: signature, issuer and audience are properties of the exact bytes, which
 * are the cache key (a tampered token is another key and is verified from scratch).
 *
 * <p>Like any local JWT check, this does not see revocation before expiry; the services behave the same.
 * The bound is the token's lifetime, 5 minutes (gateway README, "Token revocation").
 * Bounded: when full, new tokens are simply verified every time until a sweep frees room.
 */
@ApplicationScoped
public class VerifiedTokens {

    record Entry(Caller caller, long expiresAtSeconds) { }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final boolean enabled;
    private final Vertx vertx;
    private final long sweeper;

    public VerifiedTokens(Vertx vertx,
                          @ConfigProperty(name = "kanoon.gateway.token-cache.max-entries", defaultValue = "20000") int maxEntries,
                          @ConfigProperty(name = "kanoon.gateway.token-cache.enabled", defaultValue = "true") boolean enabled) {
        this.vertx = vertx;
        this.maxEntries = maxEntries;
        this.enabled = enabled;
        this.sweeper = vertx.setPeriodic(30_000, id -> sweep(nowSeconds()));
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(sweeper);
    }

    /** The caller of a token verified before and not yet expired, or null. */
    Caller lookup(String token) {
        if (!enabled) {
            return null;
        }
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (nowSeconds() >= entry.expiresAtSeconds()) {
            entries.remove(token);
            return null;
        }
        return entry.caller();
    }

    void remember(String token, Caller caller, long expiresAtSeconds) {
        if (enabled && expiresAtSeconds > nowSeconds() && entries.size() < maxEntries) {
            entries.put(token, new Entry(caller, expiresAtSeconds));
        }
    }

    void sweep(long now) {
        entries.values().removeIf(entry -> now >= entry.expiresAtSeconds());
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }
}

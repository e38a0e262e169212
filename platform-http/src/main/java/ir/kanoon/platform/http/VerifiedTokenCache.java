package ir.kanoon.platform.http;

import io.vertx.core.Vertx;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What the verification of a bearer token established, remembered until the token's {@code exp} and never longer:
 * the one implementation behind the gateway's cache of verified callers and the services' cache of verified
 * identities.
 *
 * <p>Why it is sound: a front-end sends the same access token with every request for its 5 minutes of life
 * (realm {@code accessTokenLifespan}), and what an RS256 check establishes (signature, issuer, audience) is a
 * property of the exact bytes of the token, which are the key: a token with one byte changed is another key and
 * is verified from scratch. Only expiry changes with time, and it is checked on every lookup. Like any local JWT
 * check this does not see revocation before {@code exp} (the services without the cache do not either).
 *
 * <p>Bounded: when full, expired entries are swept (at most once a second, so a flood of new tokens does not turn
 * every request into a sweep); if it is still full, new tokens are simply verified every time. Plain Java, no CDI:
 * each user owns one instance and its configuration.
 *
 * @param <V> what the verification established (the gateway's caller, a service's identity template)
 */
public final class VerifiedTokenCache<V> {

    private record Entry<V>(V value, long expiresAtSeconds) { }

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final boolean enabled;
    private final LongSupplier nowSeconds;
    private volatile long lastFullSweep = Long.MIN_VALUE;

    public VerifiedTokenCache(int maxEntries, boolean enabled) {
        this(maxEntries, enabled, () -> System.currentTimeMillis() / 1000);
    }

    /** @param nowSeconds the clock, in epoch seconds like {@code exp} (tests pass their own) */
    public VerifiedTokenCache(int maxEntries, boolean enabled, LongSupplier nowSeconds) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must be >= 0: " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.enabled = enabled && maxEntries > 0;
        this.nowSeconds = nowSeconds;
    }

    public boolean enabled() {
        return enabled;
    }

    /** What a verification of exactly this token established, if it was verified before and has not expired; else null. */
    public V lookup(String token) {
        if (!enabled || token == null) {
            return null;
        }
        Entry<V> entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (nowSeconds.getAsLong() >= entry.expiresAtSeconds()) {
            entries.remove(token, entry);
            return null;
        }
        return entry.value();
    }

    /**
     * Remembers what the verification of {@code token} established, until {@code expiresAtSeconds} (the token's
     * {@code exp}); a token without a future {@code exp} is not remembered.
     */
    public void remember(String token, V value, long expiresAtSeconds) {
        if (!enabled || token == null || value == null) {
            return;
        }
        long now = nowSeconds.getAsLong();
        if (expiresAtSeconds <= now) {
            return;
        }
        if (entries.size() >= maxEntries && !entries.containsKey(token)) {
            if (now > lastFullSweep) {
                lastFullSweep = now;
                sweep(now);
            }
            if (entries.size() >= maxEntries) {
                return;
            }
        }
        entries.put(token, new Entry<>(value, expiresAtSeconds));
    }

    /** Drops every entry whose token has expired by {@code now} (epoch seconds). */
    public void sweep(long now) {
        entries.values().removeIf(entry -> now >= entry.expiresAtSeconds());
    }

    /** Drops every entry whose token has expired by now. */
    public void sweep() {
        sweep(nowSeconds.getAsLong());
    }

    /**
     * Sweeps every 30 s on {@code vertx}'s timer, for tokens nobody sends again (expired entries are also dropped
     * on lookup and when the cache is full); close the handle when the owner stops. Nothing to do when disabled.
     */
    public Runnable sweepPeriodically(Vertx vertx) {
        if (!enabled) {
            return () -> { };
        }
        long timer = vertx.setPeriodic(30_000, id -> sweep());
        return () -> vertx.cancelTimer(timer);
    }

    public int size() {
        return entries.size();
    }
}

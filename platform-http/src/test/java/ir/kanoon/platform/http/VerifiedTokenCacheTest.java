package ir.kanoon.platform.http;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The cache of verified tokens on its own clock: until {@code exp}, never longer; bounded; off means off. */
class VerifiedTokenCacheTest {

    private final AtomicLong now = new AtomicLong(1_000_000);

    private VerifiedTokenCache<String> cache(int max) {
        return new VerifiedTokenCache<>(max, true, now::get);
    }

    @Test
    void aRememberedTokenIsServedUntilItsExpAndNotAtIt() {
        VerifiedTokenCache<String> cache = cache(10);
        cache.remember("t", "caller", now.get() + 60);
        assertEquals("caller", cache.lookup("t"));
        now.addAndGet(59);
        assertEquals("caller", cache.lookup("t"));
        now.addAndGet(1);
        assertNull(cache.lookup("t"), "at exp the cached verification no longer counts");
        assertEquals(0, cache.size(), "and the expired entry is dropped");
    }

    @Test
    void aTokenAlreadyExpiredIsNeverRemembered() {
        VerifiedTokenCache<String> cache = cache(10);
        cache.remember("old", "caller", now.get());
        cache.remember("older", "caller", now.get() - 300);
        assertNull(cache.lookup("old"));
        assertNull(cache.lookup("older"));
        assertEquals(0, cache.size());
    }

    @Test
    void aTokenWithOneByteChangedIsAnotherKey() {
        VerifiedTokenCache<String> cache = cache(10);
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl";
        cache.remember(token, "caller", now.get() + 60);
        String tampered = token.substring(0, token.length() - 1) + "M";
        assertNull(cache.lookup(tampered), "a changed token must be verified from scratch");
    }

    @Test
    void whenFullExpiredEntriesMakeRoomAndOtherwiseNewTokensAreNotRemembered() {
        VerifiedTokenCache<String> cache = cache(2);
        cache.remember("a", "A", now.get() + 10);
        cache.remember("b", "B", now.get() + 100);
        cache.remember("c", "C", now.get() + 100);
        assertNull(cache.lookup("c"), "full: the new token is verified every time instead");
        assertEquals(2, cache.size());
        now.addAndGet(20);                          // "a" expired: the next remember sweeps it
        cache.remember("c", "C", now.get() + 100);
        assertEquals("C", cache.lookup("c"));
        assertEquals("B", cache.lookup("b"));
        assertEquals(2, cache.size());
    }

    @Test
    void sweepDropsOnlyExpiredEntries() {
        VerifiedTokenCache<String> cache = cache(10);
        cache.remember("short", "S", now.get() + 5);
        cache.remember("long", "L", now.get() + 500);
        cache.sweep(now.get() + 5);
        assertEquals(1, cache.size());
        assertEquals("L", cache.lookup("long"));
    }

    @Test
    void disabledRemembersNothing() {
        VerifiedTokenCache<String> off = new VerifiedTokenCache<>(10, false, now::get);
        off.remember("t", "caller", now.get() + 60);
        assertNull(off.lookup("t"));
        assertFalse(off.enabled());
        VerifiedTokenCache<String> zero = new VerifiedTokenCache<>(0, true, now::get);
        zero.remember("t", "caller", now.get() + 60);
        assertNull(zero.lookup("t"));
        assertFalse(zero.enabled(), "max-entries 0 is off too");
    }
}

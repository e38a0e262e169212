package ir.kanoon.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Driven by an explicit clock (nanoTime values), so nothing here depends on the machine's speed. */
class TokenBucketTest {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    @Test
    void burstThenWaitThenRefill() {
        TokenBucket bucket = new TokenBucket(60, MINUTE, 0);
        for (int i = 0; i < 60; i++) {
            assertEquals(0, bucket.tryTake(0));
        }
        long wait = bucket.tryTake(0);
        assertEquals(TimeUnit.SECONDS.toNanos(1), wait, TimeUnit.MILLISECONDS.toNanos(1));
        assertEquals(0, bucket.tryTake(TimeUnit.SECONDS.toNanos(1)));
        assertTrue(bucket.tryTake(TimeUnit.SECONDS.toNanos(1)) > 0);
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, MINUTE, 0);
        long later = 10 * MINUTE;
        assertTrue(bucket.idleAndFull(later));
        assertEquals(0, bucket.tryTake(later));
        assertEquals(0, bucket.tryTake(later));
        assertTrue(bucket.tryTake(later) > 0);
    }
}

package ir.kanoon.gateway.ratelimit;

/**
 * Classic token bucket: {@code capacity} tokens, refilled continuously at capacity per period. Allows
 * a burst of a full bucket, then a steady rate; the wait it reports becomes {@code Retry-After}.
 */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long last;

    TokenBucket(long capacity, long periodNanos, long now) {
        this.capacity = capacity;
        this.tokensPerNano = (double) capacity / periodNanos;
        this.tokens = capacity;
        this.last = now;
    }

    /** 0 if a token was taken; otherwise the nanoseconds until one will be available. */
    synchronized long tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / tokensPerNano);
    }

    /** A full bucket that has not been touched can be forgotten: recreating it gives the same answer. */
    synchronized boolean idleAndFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        long elapsed = now - last;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            last = now;
        }
    }
}

package ir.kanoon.gateway.routing;

import java.time.Duration;

/**
 * One per upstream service, rate-based: calls and failures are counted over a sliding window (ten
 * buckets); when at least {@code minimumCalls} calls were made and the share of failures reaches
 * {@code failureRatio}, the breaker opens. For {@code openDuration} every request to that service is
 * then answered 503 at once, instead of each one waiting for a connect or response timeout on a
 * service that is already down. Then it is half-open: {@code halfOpenProbes} requests are let through;
 * if all succeed it closes, the first failure re-opens it.
 *
 * <p>Rate, not a streak: a handful of slow calls among many good ones (one caller's slow report)
 * does not open it, and a busy connection pool is not counted at all (the caller uses
 * {@link #release()} for requests that never reached the service).
 *
 * <p>The common case (closed) is one volatile read in {@link #tryAcquire()}; outcomes are recorded
 * under a lock held for a few array operations.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private static final int BUCKETS = 10;

    private final double failureRatio;
    private final int minimumCalls;
    private final long bucketNanos;
    private final long openNanos;
    private final int halfOpenProbes;

    private final long[] bucketEpochs = new long[BUCKETS];
    private final int[] calls = new int[BUCKETS];
    private final int[] failures = new int[BUCKETS];

    private volatile State state = State.CLOSED;
    private long openedAt;
    private int probesInFlight;
    private int probeSuccesses;

    public CircuitBreaker(double failureRatio, int minimumCalls, Duration window, Duration openDuration,
                          int halfOpenProbes) {
        if (failureRatio <= 0 || failureRatio > 1) {
            throw new IllegalArgumentException("breaker.failure-ratio must be in (0, 1]: " + failureRatio);
        }
        this.failureRatio = failureRatio;
        this.minimumCalls = Math.max(1, minimumCalls);
        this.bucketNanos = Math.max(1, window.toNanos() / BUCKETS);
        this.openNanos = openDuration.toNanos();
        this.halfOpenProbes = Math.max(1, halfOpenProbes);
        java.util.Arrays.fill(bucketEpochs, Long.MIN_VALUE);
    }

    /**
     * Whether a request may go to the service now. A {@code true} must be followed by exactly one of
     * {@link #onSuccess()}, {@link #onFailure()} or {@link #release()}.
     */
    public boolean tryAcquire() {
        if (state == State.CLOSED) {
            return true;
        }
        return tryAcquireSlow(System.nanoTime());
    }

    private synchronized boolean tryAcquireSlow(long now) {
        if (state == State.CLOSED) {
            return true;
        }
        if (state == State.OPEN) {
            if (now - openedAt < openNanos) {
                return false;
            }
            state = State.HALF_OPEN;
            probesInFlight = 0;
            probeSuccesses = 0;
        }
        // Half-open: a limited number of probes, not the whole queue of waiting callers at once.
        if (probesInFlight + probeSuccesses < halfOpenProbes) {
            probesInFlight++;
            return true;
        }
        return false;
    }

    public synchronized void onSuccess() {
        switch (state) {
            case CLOSED -> record(System.nanoTime(), false);
            case HALF_OPEN -> {
                probesInFlight = Math.max(0, probesInFlight - 1);
                if (++probeSuccesses >= halfOpenProbes) {
                    close();
                }
            }
            case OPEN -> { } // a late answer to a call made before it opened decides nothing
        }
    }

    public synchronized void onFailure() {
        long now = System.nanoTime();
        switch (state) {
            case CLOSED -> {
                record(now, true);
                if (shouldOpen(now)) {
                    open(now);
                }
            }
            case HALF_OPEN -> open(now); // a failed probe restarts the wait
            case OPEN -> { }
        }
    }

    /** For a permitted request that never reached the service (pool busy, body too large, client gone). */
    public synchronized void release() {
        if (state == State.HALF_OPEN) {
            probesInFlight = Math.max(0, probesInFlight - 1);
        }
    }

    public State state() {
        State current = state;
        if (current == State.OPEN) {
            synchronized (this) {
                return System.nanoTime() - openedAt < openNanos ? State.OPEN : State.HALF_OPEN;
            }
        }
        return current;
    }

    private void record(long now, boolean failed) {
        long epoch = Math.floorDiv(now, bucketNanos);
        int index = (int) Math.floorMod(epoch, (long) BUCKETS);
        if (bucketEpochs[index] != epoch) {
            bucketEpochs[index] = epoch;
            calls[index] = 0;
            failures[index] = 0;
        }
        calls[index]++;
        if (failed) {
            failures[index]++;
        }
    }

    private boolean shouldOpen(long now) {
        long epoch = Math.floorDiv(now, bucketNanos);
        int total = 0;
        int failed = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (bucketEpochs[i] > epoch - BUCKETS) {
                total += calls[i];
                failed += failures[i];
            }
        }
        return total >= minimumCalls && failed >= failureRatio * total;
    }

    private void open(long now) {
        state = State.OPEN;
        openedAt = now;
        probesInFlight = 0;
        probeSuccesses = 0;
    }

    private void close() {
        state = State.CLOSED;
        java.util.Arrays.fill(bucketEpochs, Long.MIN_VALUE);
        java.util.Arrays.fill(calls, 0);
        java.util.Arrays.fill(failures, 0);
    }
}

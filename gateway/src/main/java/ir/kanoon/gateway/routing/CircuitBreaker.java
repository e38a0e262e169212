package ir.kanoon.gateway.routing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One per upstream service. After {@code failureThreshold} consecutive failures the breaker opens:
 * for {@code openDuration} every request to that service is answered 503 at once, instead of each
 * one waiting for a connect or response timeout and piling up on a service that is already down.
 * Then one probe request is let through (half-open): success closes the breaker, failure re-opens it.
 *
 * <p>Lock-free on purpose: it is consulted on the event loop for every proxied request, and the
 * common case (closed, no failures) is two volatile reads.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openNanos;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicBoolean probeInFlight = new AtomicBoolean();
    /** 0 while closed; otherwise when it opened (System.nanoTime). */
    private volatile long openedAt;

    public CircuitBreaker(int failureThreshold, Duration openDuration) {
        this.failureThreshold = Math.max(1, failureThreshold);
        this.openNanos = openDuration.toNanos();
    }

    /** Whether a request may go to the service now. A {@code true} must be followed by success/failure. */
    public boolean tryAcquire() {
        long opened = openedAt;
        if (opened == 0) {
            return true;
        }
        if (System.nanoTime() - opened < openNanos) {
            return false;
        }
        // Half-open: exactly one caller gets to probe.
        return probeInFlight.compareAndSet(false, true);
    }

    public void onSuccess() {
        if (openedAt != 0 || consecutiveFailures.get() != 0) {
            consecutiveFailures.set(0);
            openedAt = 0;
            probeInFlight.set(false);
        }
    }

    public void onFailure() {
        int failures = consecutiveFailures.incrementAndGet();
        if (failures >= failureThreshold || openedAt != 0) {
            // Opening again after a failed probe restarts the wait.
            long now = System.nanoTime();
            openedAt = now == 0 ? 1 : now;
            probeInFlight.set(false);
        }
    }

    /** For a released probe that never reached the service (e.g. rejected by the rate limiter later). */
    public void release() {
        probeInFlight.set(false);
    }

    public State state() {
        long opened = openedAt;
        if (opened == 0) {
            return State.CLOSED;
        }
        return System.nanoTime() - opened < openNanos ? State.OPEN : State.HALF_OPEN;
    }
}

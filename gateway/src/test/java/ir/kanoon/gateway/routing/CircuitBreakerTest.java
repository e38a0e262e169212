package ir.kanoon.gateway.routing;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rate-based over a window, with a minimum number of calls, and a limited half-open probe (issue 14). */
class CircuitBreakerTest {

    private static CircuitBreaker breaker(double ratio, int minimumCalls, Duration window, Duration open, int probes) {
        return new CircuitBreaker(ratio, minimumCalls, window, open, probes);
    }

    @Test
    void opensWhenTheFailureRatioIsReachedWithEnoughCalls() {
        CircuitBreaker breaker = breaker(0.5, 4, Duration.ofMinutes(1), Duration.ofMinutes(1), 1);
        breaker.onFailure();
        breaker.onFailure();
        breaker.onFailure();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "3 calls are below the minimum of 4");
        breaker.onSuccess();
        breaker.onFailure(); // 4 of 5 failed
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
    }

    @Test
    void aFewFailuresAmongManySuccessesDoNotOpenIt() {
        // the old breaker opened after 5 consecutive failures, e.g. one caller's 5 slow calls timing out
        CircuitBreaker breaker = breaker(0.5, 10, Duration.ofMinutes(1), Duration.ofMinutes(1), 1);
        for (int i = 0; i < 20; i++) {
            breaker.onSuccess();
        }
        for (int i = 0; i < 15; i++) {
            breaker.onFailure();
        }
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "15 of 35 is under half");
        breaker.onFailure();
        breaker.onFailure();
        breaker.onFailure();
        breaker.onFailure();
        breaker.onFailure(); // 20 of 40
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() throws InterruptedException {
        CircuitBreaker breaker = breaker(0.5, 3, Duration.ofMillis(200), Duration.ofMinutes(1), 1);
        breaker.onFailure();
        breaker.onFailure();
        Thread.sleep(300);
        breaker.onFailure();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "only one failure within the window");
    }

    @Test
    void releasedRequestsAreNeitherSuccessNorFailure() {
        CircuitBreaker breaker = breaker(0.5, 2, Duration.ofMinutes(1), Duration.ofMinutes(1), 1);
        for (int i = 0; i < 10; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.release(); // e.g. the pool was busy
        }
        breaker.onFailure();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "one call so far");
    }

    @Test
    void halfOpenLetsALimitedNumberOfProbesThroughAndClosesWhenAllSucceed() throws InterruptedException {
        CircuitBreaker breaker = breaker(0.5, 1, Duration.ofMinutes(1), Duration.ofMillis(20), 2);
        breaker.onFailure();
        assertFalse(breaker.tryAcquire());
        Thread.sleep(40);
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertTrue(breaker.tryAcquire());
        assertTrue(breaker.tryAcquire());
        assertFalse(breaker.tryAcquire(), "two probes at a time");
        breaker.onSuccess();
        assertFalse(breaker.tryAcquire(), "one probe still out, one done: no third");
        breaker.onSuccess();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void aReleasedProbeFreesItsPlace() throws InterruptedException {
        CircuitBreaker breaker = breaker(0.5, 1, Duration.ofMinutes(1), Duration.ofMillis(20), 1);
        breaker.onFailure();
        Thread.sleep(40);
        assertTrue(breaker.tryAcquire());
        assertFalse(breaker.tryAcquire());
        breaker.release();
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void aFailedProbeReopens() throws InterruptedException {
        CircuitBreaker breaker = breaker(0.5, 1, Duration.ofMinutes(1), Duration.ofMillis(20), 2);
        breaker.onFailure();
        Thread.sleep(40);
        assertTrue(breaker.tryAcquire());
        breaker.onFailure();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
    }
}

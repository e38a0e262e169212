package ir.kanoon.platform.jalali;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * {@link TehranTime} as a bean, for decisions that depend on the day (the Jalali year of a membership
 * number, a term's end): injected, so a test can put the service on the eve of Nowruz with
 * {@code QuarkusMock.installMockForType} instead of waiting for it:
 *
 * <pre>{@code
 * TehranClock.Movable clock = TehranClock.movable().onDay(LocalDate.parse("2026-03-20"));
 * QuarkusMock.installMockForType(clock, TehranClock.class);
 * clock.onDay(LocalDate.parse("2026-03-21"));   // Nowruz
 * }</pre>
 */
@ApplicationScoped
public class TehranClock {

    public Clock clock() {
        return Clock.systemUTC();
    }

    /** Today in Asia/Tehran. */
    public LocalDate today() {
        return TehranTime.today(clock());
    }

    /** A clock a test sets and moves (starts at the system clock); every service's tests use this one. */
    public static Movable movable() {
        return new Movable();
    }

    /** See {@link #movable()}. Not a bean: it has no scope annotation; a test installs it as the mock. */
    public static final class Movable extends TehranClock {
        private volatile Clock clock = Clock.systemUTC();

        /** Reads {@code source} from now on (fixed, offset, ...). */
        public Movable using(Clock source) {
            this.clock = source;
            return this;
        }

        /** Stands still at {@code instant}. */
        public Movable at(java.time.Instant instant) {
            return using(Clock.fixed(instant, ZoneOffset.UTC));
        }

        /** Stands still at noon in Tehran on {@code tehranDay}. */
        public Movable onDay(LocalDate tehranDay) {
            return at(tehranDay.atTime(12, 0).atZone(TehranTime.ZONE).toInstant());
        }

        @Override
        public Clock clock() {
            return clock;
        }
    }
}

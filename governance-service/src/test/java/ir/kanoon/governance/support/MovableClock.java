package ir.kanoon.governance.support;

import ir.kanoon.platform.jalali.TehranClock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A {@link TehranClock} a test sets to a day ({@code QuarkusMock.installMockForType}). */
public class MovableClock extends TehranClock {

    private volatile Clock clock;

    public MovableClock(LocalDate tehranDay) {
        set(tehranDay);
    }

    /** Noon in Tehran on that day. */
    public final void set(LocalDate tehranDay) {
        Instant noon = tehranDay.atTime(12, 0).atZone(ir.kanoon.platform.jalali.TehranTime.ZONE).toInstant();
        clock = Clock.fixed(noon, ZoneOffset.UTC);
    }

    @Override
    public Clock clock() {
        return clock;
    }
}

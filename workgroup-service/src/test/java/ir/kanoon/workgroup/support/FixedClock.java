package ir.kanoon.workgroup.support;

import ir.kanoon.platform.jalali.TehranClock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A {@link TehranClock} standing at a chosen instant: install with {@code QuarkusMock.installMockForType}. */
public class FixedClock extends TehranClock {

    private final Instant now;

    public FixedClock(Instant now) {
        this.now = now;
    }

    @Override
    public Clock clock() {
        return Clock.fixed(now, ZoneOffset.UTC);
    }
}

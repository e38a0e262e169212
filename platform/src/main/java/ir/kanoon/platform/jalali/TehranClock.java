package ir.kanoon.platform.jalali;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;

/**
 * {@link TehranTime} as a bean, for decisions that depend on the day (the Jalali year of a membership
 * number, a term's end): injected, so a test can put the service on the eve of Nowruz with
 * {@code QuarkusMock.installMockForType} instead of waiting for it.
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
}

package ir.kanoon.platform.jalali;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * "Which day is it" is decided in Iran's time zone, not the server's: a meeting held at 01:00 Tehran
 * time is still the previous day in UTC.
 */
public final class TehranTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tehran");

    private TehranTime() {
    }

    public static LocalDate today() {
        return today(Clock.systemUTC());
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public static JalaliDate todayJalali(Clock clock) {
        return JalaliDate.of(today(clock));
    }
}

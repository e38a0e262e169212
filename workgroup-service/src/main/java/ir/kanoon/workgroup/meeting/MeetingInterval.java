package ir.kanoon.workgroup.meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Art. 9 Note 2 (R9): working groups may meet every two weeks. A working-group meeting starting less than 14
 * days from another (not cancelled) meeting of the same group is allowed only with an explicit reason.
 */
public final class MeetingInterval {

    public static final Duration MIN_GAP = Duration.ofDays(14);

    private MeetingInterval() {
    }

    /** The other meeting closer than 14 days to {@code startsAt}, if any. */
    public static Optional<Instant> tooClose(Instant startsAt, Collection<Instant> otherStarts) {
        return otherStarts.stream()
                .filter(o -> Duration.between(o, startsAt).abs().compareTo(MIN_GAP) < 0)
                .min((a, b) -> Duration.between(a, startsAt).abs().compareTo(Duration.between(b, startsAt).abs()));
    }
}

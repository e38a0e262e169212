package ir.kanoon.workgroup.cadence;

import ir.kanoon.workgroup.meeting.Body;

import java.time.LocalDate;
import java.time.Period;

/**
 * R9: the Board meets at least once every 2 months (Art. 7 Note); the Association monthly (Art. 9 Note 2).
 * Working groups <em>may</em> meet every two weeks — a permission, not a duty, so their cadence is never
 * overdue; their "next" date is the first day a meeting needs no reason. Days are Tehran calendar days.
 */
public final class Cadence {

    private Cadence() {
    }

    public record Due(LocalDate nextDue, CadenceStatus status) {
    }

    public static Period interval(Body body) {
        return switch (body) {
            case BOARD_OF_TRUSTEES -> Period.ofMonths(2);
            case ASSOCIATION -> Period.ofMonths(1);
            case WORKING_GROUP -> Period.ofDays(14);
        };
    }

    /** How many days before the due date the status turns DUE_SOON. */
    public static int warningDays(Body body) {
        return switch (body) {
            case BOARD_OF_TRUSTEES -> 14;
            case ASSOCIATION -> 7;
            case WORKING_GROUP -> 0;
        };
    }

    /**
     * The next due date after {@code lastHeld} and its status on {@code today}. Never held: due since
     * {@code since} (when the body began to exist — e.g. a group's formation) or, unknown, overdue at once.
     */
    public static Due of(Body body, LocalDate lastHeld, LocalDate since, LocalDate today) {
        LocalDate base = lastHeld != null ? lastHeld : since;
        if (base == null) {
            return new Due(null, body == Body.WORKING_GROUP ? CadenceStatus.OK : CadenceStatus.OVERDUE);
        }
        LocalDate due = base.plus(interval(body));
        if (body == Body.WORKING_GROUP) {
            return new Due(due, CadenceStatus.OK);
        }
        if (today.isAfter(due)) {
            return new Due(due, CadenceStatus.OVERDUE);
        }
        if (!today.isBefore(due.minusDays(warningDays(body)))) {
            return new Due(due, CadenceStatus.DUE_SOON);
        }
        return new Due(due, CadenceStatus.OK);
    }
}

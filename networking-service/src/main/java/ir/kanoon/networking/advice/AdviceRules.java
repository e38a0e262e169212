package ir.kanoon.networking.advice;

import ir.kanoon.platform.problem.Problems;

import java.time.Duration;
import java.time.Instant;

/** The lifecycle and response-time SLA of the Voice of the Advisor (Art. 3-11), without Quarkus. */
public final class AdviceRules {

    private AdviceRules() {
    }

    public static AdviceRequest.Status next(AdviceRequest.Status current, String action) {
        AdviceRequest.Status to = switch (action) {
            case "answer" -> current == AdviceRequest.Status.ASSIGNED ? AdviceRequest.Status.ANSWERED : null;
            case "close" -> current == AdviceRequest.Status.ANSWERED ? AdviceRequest.Status.CLOSED : null;
            case "reassign" -> current == AdviceRequest.Status.NEW || current == AdviceRequest.Status.ASSIGNED
                    ? AdviceRequest.Status.ASSIGNED : null;
            default -> throw new IllegalArgumentException(action);
        };
        if (to == null) {
            throw Problems.conflict("advice.transition", action, current);
        }
        return to;
    }

    public static Instant due(Instant assignedAt, Duration sla) {
        return assignedAt.plus(sla);
    }

    /** Overdue: assigned, unanswered and past its due time. */
    public static boolean overdue(AdviceRequest.Status status, Instant dueAt, Instant now) {
        return status == AdviceRequest.Status.ASSIGNED && dueAt != null && now.isAfter(dueAt);
    }

    public static boolean withinSla(Instant answeredAt, Instant dueAt) {
        return dueAt == null || !answeredAt.isAfter(dueAt);
    }
}

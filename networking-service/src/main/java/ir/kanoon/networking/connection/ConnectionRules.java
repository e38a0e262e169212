package ir.kanoon.networking.connection;

import ir.kanoon.platform.problem.Problems;

/** Rules of introductions (Art. 3-7 networking among members), without Quarkus. */
public final class ConnectionRules {

    public static final String ARTICLE = "Art. 3-7";

    private ConnectionRules() {
    }

    /** A member may send at most {@code cap} introduction requests per Tehran calendar day. */
    public static void requireUnderDailyCap(long sentToday, int cap) {
        if (sentToday >= cap) {
            throw Problems.unprocessable("connection.daily-cap", cap);
        }
    }

    /** Nobody asks to be introduced to themselves. */
    public static void requireOther(Object requester, Object target) {
        if (requester.equals(target)) {
            throw Problems.invalid("targetMemberId", "connection.self");
        }
    }

    /** Only the person asked accepts or declines; only the requester withdraws; only while PENDING. */
    public static ConnectionRequest.Status decide(ConnectionRequest.Status current, String action) {
        if (current != ConnectionRequest.Status.PENDING) {
            throw Problems.conflict("connection.transition", action, current);
        }
        return switch (action) {
            case "accept" -> ConnectionRequest.Status.ACCEPTED;
            case "decline" -> ConnectionRequest.Status.DECLINED;
            case "withdraw" -> ConnectionRequest.Status.WITHDRAWN;
            default -> throw new IllegalArgumentException(action);
        };
    }

    /** Contact details are shared only once the introduction was accepted. */
    public static boolean sharesContact(ConnectionRequest.Status status) {
        return status == ConnectionRequest.Status.ACCEPTED;
    }
}

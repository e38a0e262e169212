package ir.kanoon.membership.member;

import ir.kanoon.platform.problem.Problems;

import java.util.Map;
import java.util.Set;

/**
 * Continued membership depends on qualification under the Board's supervision (Art. 7, R8): a member
 * is ACTIVE from admission until the term ends (EXPIRED, by the scheduled job), and the secretariat may
 * SUSPEND, REINSTATE, TERMINATE or RENEW on a Board resolution. TERMINATED is final.
 *
 * <pre>
 * ACTIVE    --suspend--> SUSPENDED --reinstate--> ACTIVE
 * ACTIVE|SUSPENDED --expire--> EXPIRED --renew--> ACTIVE      ACTIVE --renew--> ACTIVE (term extended)
 * ACTIVE|SUSPENDED|EXPIRED --terminate--> TERMINATED
 * </pre>
 */
public final class MemberLifecycle {

    private static final Map<MemberAction, Set<MemberStatus>> ALLOWED_FROM = Map.of(
            MemberAction.SUSPEND, Set.of(MemberStatus.ACTIVE),
            MemberAction.REINSTATE, Set.of(MemberStatus.SUSPENDED),
            MemberAction.TERMINATE, Set.of(MemberStatus.ACTIVE, MemberStatus.SUSPENDED, MemberStatus.EXPIRED),
            MemberAction.RENEW, Set.of(MemberStatus.ACTIVE, MemberStatus.EXPIRED),
            MemberAction.EXPIRE, Set.of(MemberStatus.ACTIVE, MemberStatus.SUSPENDED));

    private static final Map<MemberAction, MemberStatus> RESULT = Map.of(
            MemberAction.SUSPEND, MemberStatus.SUSPENDED,
            MemberAction.REINSTATE, MemberStatus.ACTIVE,
            MemberAction.TERMINATE, MemberStatus.TERMINATED,
            MemberAction.RENEW, MemberStatus.ACTIVE,
            MemberAction.EXPIRE, MemberStatus.EXPIRED);

    private MemberLifecycle() {
    }

    public static boolean allowed(MemberStatus from, MemberAction action) {
        return ALLOWED_FROM.get(action).contains(from);
    }

    /** The status after {@code action}, or a 409 naming Art. 7 when the current status does not allow it. */
    public static MemberStatus next(MemberStatus from, MemberAction action) {
        if (!allowed(from, action)) {
            throw Problems.ruleConflict("Art. 7", "member.transition", action, from);
        }
        return RESULT.get(action);
    }
}

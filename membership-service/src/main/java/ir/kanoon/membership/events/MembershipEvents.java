package ir.kanoon.membership.events;

import java.util.List;

/**
 * The event types membership-service publishes on {@code kanoon.membership.events} (CloudEvents type
 * {@code ir.kanoon.membership.<type>.v1}), each documented in {@code src/main/asyncapi/asyncapi.yaml};
 * a test fails when one of {@link #ALL} is not. Payloads never carry national ID, mobile or birth date.
 */
public final class MembershipEvents {

    public static final String TOPIC = "kanoon.membership.events";

    public static final String APPLICATION_SUBMITTED = "application.submitted";
    public static final String APPLICATION_DECIDED = "application.decided";
    public static final String MEMBER_ADMITTED = "member.admitted";
    public static final String MEMBER_SUSPENDED = "member.suspended";
    public static final String MEMBER_REINSTATED = "member.reinstated";
    public static final String MEMBER_RENEWED = "member.renewed";
    public static final String MEMBER_EXPIRED = "member.expired";
    public static final String MEMBER_TERMINATED = "member.terminated";
    public static final String MEMBER_PROFILE_UPDATED = "member.profile-updated";

    public static final List<String> ALL = List.of(APPLICATION_SUBMITTED, APPLICATION_DECIDED, MEMBER_ADMITTED,
            MEMBER_SUSPENDED, MEMBER_REINSTATED, MEMBER_RENEWED, MEMBER_EXPIRED, MEMBER_TERMINATED,
            MEMBER_PROFILE_UPDATED);

    private MembershipEvents() {
    }

    public static String cloudEventType(String type) {
        return "ir.kanoon.membership." + type + ".v1";
    }
}

package ir.kanoon.membership.member;

/** The status changes of a membership; each is recorded with actor and reason. */
public enum MemberAction {
    SUSPEND, REINSTATE, TERMINATE, RENEW, EXPIRE
}

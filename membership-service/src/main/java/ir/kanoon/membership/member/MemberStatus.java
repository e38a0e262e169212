package ir.kanoon.membership.member;

public enum MemberStatus {
    ACTIVE, SUSPENDED, EXPIRED, TERMINATED
}

package ir.kanoon.workgroup.group;

/** Art. 9 Note 1: each group has a secretary and members. */
public enum GroupRole {
    SECRETARY,
    MEMBER
}

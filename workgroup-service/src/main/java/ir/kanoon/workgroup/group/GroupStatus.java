package ir.kanoon.workgroup.group;

public enum GroupStatus {
    ACTIVE,
    DISSOLVED
}

package ir.kanoon.workgroup.resolution;

public enum Vote {
    FOR,
    AGAINST,
    ABSTAIN
}

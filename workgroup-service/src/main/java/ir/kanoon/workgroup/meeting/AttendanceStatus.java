package ir.kanoon.workgroup.meeting;

public enum AttendanceStatus {
    PRESENT,
    ABSENT,
    EXCUSED,
    GUEST
}

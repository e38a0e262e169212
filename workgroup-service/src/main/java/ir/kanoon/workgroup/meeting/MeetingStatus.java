package ir.kanoon.workgroup.meeting;

/** {@code SCHEDULED → HELD | CANCELLED}; both ends are final. */
public enum MeetingStatus {
    SCHEDULED,
    HELD,
    CANCELLED
}

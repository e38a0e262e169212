package ir.kanoon.workgroup.meeting;

public enum MeetingMode {
    IN_PERSON,
    ONLINE,
    HYBRID;

    public boolean needsPlace() {
        return this != ONLINE;
    }

    public boolean needsUrl() {
        return this != IN_PERSON;
    }
}

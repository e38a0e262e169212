package ir.kanoon.workgroup.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the service publishes on {@code kanoon.workgroup.events} (events contract of this round; documented in
 * {@code src/main/asyncapi/asyncapi.yaml}). No personal data: displayName only, as membership does.
 */
public final class WorkgroupEvents {

    public static final String TOPIC = "kanoon.workgroup.events";

    public static final String GROUP_FORMED = "working-group.formed";
    public static final String GROUP_DISSOLVED = "working-group.dissolved";
    public static final String GROUP_MEMBER_APPROVED = "working-group.member-approved";
    public static final String MEETING_SCHEDULED = "meeting.scheduled";
    public static final String MEETING_RESCHEDULED = "meeting.rescheduled";
    public static final String MEETING_CANCELLED = "meeting.cancelled";
    public static final String MEETING_HELD = "meeting.held";
    public static final String RESOLUTION_ADOPTED = "resolution.adopted";
    public static final String RESOLUTION_STATUS_CHANGED = "resolution.status-changed";

    private WorkgroupEvents() {
    }

    public record GroupData(UUID workingGroupId, String province, String type) {
    }

    public record GroupMemberData(UUID workingGroupId, String province, String type, UUID memberId, String userId,
                                  String displayName, String role) {
    }

    public record MeetingData(UUID meetingId, String province, String body, UUID workingGroupId,
                              Instant startsAt, Instant endsAt) {
    }

    public record MeetingHeldData(UUID meetingId, String province, String body, UUID workingGroupId,
                                  String workingGroupType, LocalDate heldOn, int present, int absent, int excused,
                                  int guests, boolean quorumMet, int resolutions) {
    }

    public record ResolutionData(UUID resolutionId, UUID meetingId, String province, String body, LocalDate dueDate) {
    }

    public record ResolutionStatusData(UUID resolutionId, String province, String from, String to) {
    }
}

package ir.kanoon.workgroup.meeting;

import ir.kanoon.workgroup.resolution.DecisionKind;
import ir.kanoon.workgroup.resolution.Vote;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request and response shapes of meetings. */
public final class MeetingDtos {

    private MeetingDtos() {
    }

    @Schema(name = "MeetingForm")
    public record Form(@Schema(description = "Required for the Board and the Association; a group's meetings take the group's")
                       @Size(max = 8) String province,
                       @NotNull Body body,
                       @Schema(nullable = true) UUID workingGroupId,
                       @NotBlank @Size(max = 300) String title,
                       @NotNull MeetingMode mode,
                       @Size(max = 300) String place,
                       @Size(max = 500) String onlineUrl,
                       @NotNull Instant startsAt,
                       @NotNull Instant endsAt,
                       @Schema(description = "Required for a working-group meeting within 14 days of another (Art. 9 Note 2)")
                       @Size(max = 1000) String shortIntervalReason) {
    }

    @Schema(name = "Reschedule")
    public record Reschedule(@NotNull Instant startsAt, @NotNull Instant endsAt,
                             @NotBlank @Size(max = 1000) String reason,
                             @Size(max = 1000) String shortIntervalReason) {
    }

    @Schema(name = "Cancellation")
    public record Cancel(@NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(name = "AgendaItem")
    public record AgendaItem(@NotBlank @Size(max = 500) String title,
                             @Size(max = 300) String presenter,
                             @PositiveOrZero Integer durationMinutes,
                             @Size(max = 20) List<@NotBlank @Size(max = 1000) String> documents,
                             @Size(max = 50) List<@Valid AgendaItem> items) {
    }

    @Schema(name = "Guest")
    public record Guest(@NotBlank @Size(max = 300) String name, @Size(max = 300) String organisation) {
    }

    @Schema(name = "GuestInvitation")
    public record GuestInvite(@NotBlank @Size(max = 300) String name, @NotBlank @Size(max = 300) String organisation,
                              @Schema(description = "The subject the guest is invited for (Art. 4-4)")
                              @NotBlank @Size(max = 500) String subject) {
    }

    @Schema(name = "Rsvp")
    public record Rsvp(@NotNull Invitation.Rsvp answer) {
    }

    @Schema(name = "VoteCast")
    public record VoteCast(@NotNull UUID personId, @NotNull Vote vote) {
    }

    @Schema(name = "ResolutionForm")
    public record ResolutionForm(@NotBlank @Size(max = 5000) String text,
                                 @NotNull DecisionKind decision,
                                 @Size(max = 500) List<@Valid @NotNull VoteCast> votes,
                                 @Size(max = 300) String assignee,
                                 LocalDate dueDate) {
    }

    @Schema(name = "HeldRecord")
    public record Held(@Schema(description = "personIds of the body's members present")
                       @NotNull @Size(max = 1000) List<@NotNull UUID> present,
                       @Size(max = 1000) List<@NotNull UUID> excused,
                       @Size(max = 200) List<@Valid @NotNull Guest> guests,
                       @Size(max = 100000) String minutes,
                       @Schema(description = "Resolutions adopted in the meeting; refused without quorum")
                       @Size(max = 100) List<@Valid @NotNull ResolutionForm> resolutions) {
    }

    @Schema(name = "Meeting")
    public record View(UUID id, long version, String province, Body body,
                       @Schema(nullable = true) UUID workingGroupId, String title, MeetingMode mode,
                       @Schema(nullable = true) String place, @Schema(nullable = true) String onlineUrl,
                       Instant startsAt, Instant endsAt, String startsAtTehran, String startsOnJalali,
                       MeetingStatus status, @Schema(nullable = true) String shortIntervalReason,
                       List<AgendaItem> agenda,
                       @Schema(nullable = true) LocalDate heldOn, @Schema(nullable = true) String heldOnJalali,
                       @Schema(nullable = true) String minutes, @Schema(nullable = true) Attendance attendance) {
    }

    @Schema(name = "AttendanceCounts")
    public record Attendance(int members, int present, int absent, int excused, int guests, int quorumRequired,
                             boolean quorumMet) {
    }

    @Schema(name = "AttendanceEntry")
    public record AttendanceEntry(String personKey, String displayName, AttendanceStatus status,
                                  @Schema(nullable = true) String organisation) {
    }

    @Schema(name = "Invitation")
    public record InvitationView(UUID id, long version, @Schema(nullable = true) UUID personId, String displayName,
                                 Invitation.Kind kind, @Schema(nullable = true) String organisation,
                                 @Schema(nullable = true) String subject, Invitation.Rsvp rsvp) {
    }

    @Schema(name = "RosterEntry")
    public record RosterEntry(UUID personId, String displayName) {
    }
}

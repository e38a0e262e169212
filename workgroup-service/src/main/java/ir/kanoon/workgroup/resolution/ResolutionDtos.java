package ir.kanoon.workgroup.resolution;

import ir.kanoon.workgroup.meeting.Body;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public final class ResolutionDtos {

    private ResolutionDtos() {
    }

    @Schema(name = "Resolution")
    public record View(UUID id, long version, UUID meetingId, String province, Body body,
                       @Schema(nullable = true) UUID workingGroupId, String text, DecisionKind decision,
                       int votesFor, int votesAgainst, int votesAbstain, @Schema(nullable = true) String assignee,
                       @Schema(nullable = true) LocalDate dueDate, @Schema(nullable = true) String dueDateJalali,
                       @Schema(description = "OVERDUE when unfinished past its due date") ResolutionStatus status) {
    }

    @Schema(name = "ResolutionStatusChange")
    public record StatusChange(@NotNull ResolutionStatus status, @Size(max = 2000) String note) {
    }

    @Schema(name = "ProgressNoteForm")
    public record NoteForm(@NotBlank @Size(max = 2000) String text) {
    }

    @Schema(name = "ProgressNote")
    public record Note(UUID id, Instant at, String author, String text) {
    }
}

package ir.kanoon.workgroup.group;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** Request and response shapes of working groups (records; entities are never exposed). */
public final class GroupDtos {

    private GroupDtos() {
    }

    @Schema(name = "WorkingGroupForm")
    public record Form(@NotBlank @Size(max = 8) String province,
                       @NotNull WorkingGroupType type,
                       @NotBlank @Size(max = 300) String name,
                       @NotNull FormationBasis basis,
                       @Schema(description = "Members' proposal or Board resolution reference (R10)")
                       @NotBlank @Size(max = 100) String basisRef) {
    }

    @Schema(name = "WorkingGroup")
    public record View(UUID id, long version, String province, WorkingGroupType type, String name,
                       FormationBasis basis, String basisRef, GroupStatus status, LocalDate formedOn,
                       String formedOnJalali, @Schema(nullable = true) LocalDate dissolvedOn,
                       @Schema(nullable = true) String dissolvedOnJalali) {
    }

    @Schema(name = "Dissolution")
    public record Dissolve(@NotBlank @Size(max = 1000) String reason, @NotBlank @Size(max = 100) String reference) {
    }

    @Schema(name = "GroupMemberProposal")
    public record Proposal(@Schema(description = "memberId of an active member or appointmentId of a trustee")
                           @NotNull UUID personId,
                           @NotNull GroupRole role,
                           @Schema(description = "The Board's resolution proposing the person (R11)")
                           @NotBlank @Size(max = 100) String proposalRef) {
    }

    @Schema(name = "GroupMemberDecision")
    public record Decision(@Size(max = 1000) String reason) {
    }

    @Schema(name = "GroupMember")
    public record SeatView(UUID id, long version, UUID workingGroupId, UUID personId,
                           @Schema(nullable = true) UUID memberId, String displayName, GroupRole role,
                           SeatStatus status, String proposalRef, boolean counts) {
    }
}

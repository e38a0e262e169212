package ir.kanoon.ideabank.idea;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** A person in the idea's team: a user account (userId) and/or a member id, and a display name. */
public record TeamMember(@Size(max = 100) String userId, UUID memberId, @NotBlank @Size(max = 200) String displayName,
                         @Size(max = 200) String role) {
}

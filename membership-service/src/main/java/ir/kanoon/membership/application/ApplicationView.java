package ir.kanoon.membership.application;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import ir.kanoon.membership.profile.ProfileView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Application", description = "An application for membership (Art. 4) and its decision (Art. 7)")
public record ApplicationView(
        UUID id,
        @Schema(example = "IR-07") String province,
        ApplicationStatus status,
        @JsonUnwrapped ProfileView person,
        @Schema(nullable = true) DecisionView decision,
        @Schema(nullable = true, description = "The member created by approval") UUID memberId,
        @Schema(nullable = true, description = "Staff member who filed it on the person's behalf") String filedBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    @Schema(name = "ApplicationDecision")
    public record DecisionView(Decision decision, String decidedBy, Instant decidedAt,
                               @Schema(nullable = true) String resolutionRef, @Schema(nullable = true) String reason) {
    }

    static ApplicationView of(Application a, boolean seesPersonalData) {
        DecisionView decision = a.decision == null ? null
                : new DecisionView(a.decision, a.decidedBy, a.decidedAt, a.resolutionRef, a.decisionReason);
        return new ApplicationView(a.id, a.province, a.status, ProfileView.of(a.profile, seesPersonalData), decision,
                a.memberId, a.filedByName, a.createdAt, a.updatedAt, a.version);
    }
}

package ir.kanoon.ideabank.idea;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An idea as the caller may see it: {@code visibility = SUMMARY} leaves out the description, team, patent and
 * evaluation (MEMBERS ideas read by someone outside the province's Association).
 */
@Schema(name = "Idea")
public record IdeaView(UUID id, long version, String province, IdeaKind kind, String title, String summary,
                       @Schema(nullable = true) String description, String sector, List<String> tags, Stage stage,
                       List<String> supportSought, Confidentiality confidentiality, IdeaStatus status,
                       Visibility visibility, @Schema(nullable = true) String submitterName,
                       @Schema(nullable = true) List<TeamMember> team, @Schema(nullable = true) Patent patent,
                       @Schema(nullable = true) Evaluation evaluation, @Schema(nullable = true) Decision decision,
                       @Schema(nullable = true) Referral referral, @Schema(nullable = true) UUID mergedInto,
                       Instant createdAt, String createdOnJalali, Instant updatedAt,
                       @Schema(nullable = true, description = "On submission only: the most similar ideas the submitter may see")
                       List<SimilarIdea> similarOnSubmission) {

    public IdeaView withSimilar(List<SimilarIdea> similar) {
        return new IdeaView(id, version, province, kind, title, summary, description, sector, tags, stage, supportSought,
                confidentiality, status, visibility, submitterName, team, patent, evaluation, decision, referral, mergedInto,
                createdAt, createdOnJalali, updatedAt, similar);
    }

    public record Patent(String registrationNumber, String office, LocalDate date, String dateJalali) {
    }

    /** Assigned and completed reviews and the weighted score (mean of completed reviews, 0..10). */
    public record Evaluation(int reviewersAssigned, int reviewsCompleted, @Schema(nullable = true) BigDecimal weightedScore) {
    }

    /** Who decided and why. */
    public record Decision(IdeaStatus outcome, String decidedBy, String decidedByName, String reason, Instant decidedAt) {
    }

    public record Referral(ReferralTarget referredTo, String organisation) {
    }
}

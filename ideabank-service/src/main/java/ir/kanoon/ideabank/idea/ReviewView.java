package ir.kanoon.ideabank.idea;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A reviewer's assignment and, once completed, scores per criterion, weighted score and comment. */
@Schema(name = "Review")
public record ReviewView(UUID id, UUID ideaId, String reviewer, String reviewerName, boolean outsideExpert,
                         @Schema(nullable = true) String expertise, Instant assignedAt,
                         @Schema(nullable = true) Map<String, Integer> scores, @Schema(nullable = true) BigDecimal score,
                         @Schema(nullable = true) String comment, @Schema(nullable = true) Instant completedAt) {

    static ReviewView of(Review r) {
        return new ReviewView(r.id, r.ideaId, r.reviewer, r.reviewerName, r.outsideExpert, r.expertise, r.assignedAt,
                r.scores, r.score, r.comment, r.completedAt);
    }
}

package ir.kanoon.ideabank.experience;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Experience")
public record ExperienceView(UUID id, long version, String province, UUID memberId, String authorName, String title,
                             String story, String lessons, String sector, List<String> tags, List<String> mediaLinks,
                             ExperienceStatus status, @Schema(nullable = true) String reviewNote,
                             @Schema(nullable = true) Instant publishedAt,
                             @Schema(nullable = true) String publishedOnJalali, Instant createdAt) {
}

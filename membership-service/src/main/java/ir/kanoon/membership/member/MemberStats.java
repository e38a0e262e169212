package ir.kanoon.membership.member;

import ir.kanoon.membership.profile.Category;
import ir.kanoon.membership.profile.Sector;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

@Schema(name = "MemberStats", description = "Counts of members; byCategory and bySector count ACTIVE members only")
public record MemberStats(
        @Schema(nullable = true, description = "null: national totals") String province,
        long total,
        long active,
        Map<MemberStatus, Long> byStatus,
        Map<Category, Long> byCategory,
        Map<Sector, Long> bySector) {
}

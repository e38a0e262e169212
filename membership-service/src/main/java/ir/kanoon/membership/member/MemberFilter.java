package ir.kanoon.membership.member;

import ir.kanoon.membership.profile.Category;
import ir.kanoon.membership.profile.Sector;

import java.util.List;
import java.util.Optional;

/** The filters of {@code GET /members}: province already scoped to what the caller may see; tokens folded. */
public record MemberFilter(Optional<String> province, Category category, Sector sector, MemberStatus status,
                           String expertiseKey, List<String> searchTokens) {
}

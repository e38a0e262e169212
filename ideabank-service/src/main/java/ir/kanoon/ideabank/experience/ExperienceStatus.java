package ir.kanoon.ideabank.experience;

import ir.kanoon.platform.problem.Problems;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** {@code DRAFT → IN_REVIEW → PUBLISHED | RETURNED}, {@code RETURNED → IN_REVIEW} (Art. 3-8, reviewed by the secretariat). */
public enum ExperienceStatus {
    DRAFT, IN_REVIEW, PUBLISHED, RETURNED;

    private static final Map<ExperienceStatus, Set<ExperienceStatus>> NEXT = Map.of(
            DRAFT, EnumSet.of(IN_REVIEW),
            IN_REVIEW, EnumSet.of(PUBLISHED, RETURNED),
            RETURNED, EnumSet.of(IN_REVIEW),
            PUBLISHED, EnumSet.noneOf(ExperienceStatus.class));

    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }

    public static void requireTransition(ExperienceStatus from, ExperienceStatus to) {
        if (!NEXT.get(from).contains(to)) {
            throw Problems.ruleConflict("Art. 3-8", "experience.transition", from, to);
        }
    }
}

package ir.kanoon.ideabank.idea;

import ir.kanoon.platform.problem.Problems;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static ir.kanoon.ideabank.idea.IdeaStatus.*;

/**
 * The stage gate of an idea (Art. 3-6; evaluation by the province's ideas, inventions and innovation working
 * group, Art. 9 type 2). Plain Java: which status may follow which, and what a decision needs.
 */
public final class IdeaWorkflow {

    public static final String ARTICLE = "Art. 3-6";

    private static final Map<IdeaStatus, Set<IdeaStatus>> NEXT = Map.of(
            SUBMITTED, EnumSet.of(SCREENING, MERGED),
            SCREENING, EnumSet.of(UNDER_EVALUATION, REJECTED, NEEDS_REVISION, MERGED),
            UNDER_EVALUATION, EnumSet.of(ACCEPTED, REJECTED, NEEDS_REVISION),
            NEEDS_REVISION, EnumSet.of(SUBMITTED, MERGED),
            ACCEPTED, EnumSet.of(REFERRED),
            REJECTED, EnumSet.noneOf(IdeaStatus.class),
            REFERRED, EnumSet.noneOf(IdeaStatus.class),
            MERGED, EnumSet.noneOf(IdeaStatus.class));

    /** Decisions the secretariat records after the evaluation. */
    public static final Set<IdeaStatus> DECISIONS = EnumSet.of(ACCEPTED, REJECTED, NEEDS_REVISION);

    private IdeaWorkflow() {
    }

    public static boolean allowed(IdeaStatus from, IdeaStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** 409 naming Art. 3-6 unless {@code from → to} is a step of the stage gate. */
    public static void requireTransition(IdeaStatus from, IdeaStatus to) {
        if (!allowed(from, to)) {
            throw Problems.ruleConflict(ARTICLE, "idea.transition", from, to);
        }
    }

    /**
     * Evaluation starts only with a reviewer assigned; a decision after evaluation (not a screening-out) needs
     * every assigned review completed — the working group's evaluation is what the decision rests on (Art. 9).
     */
    public static void requireEvaluationState(IdeaStatus from, IdeaStatus to, int assigned, int completed) {
        requireTransition(from, to);
        if (to == UNDER_EVALUATION && assigned == 0) {
            throw Problems.ruleConflict("Art. 9", "idea.no-reviewers");
        }
        if (from == UNDER_EVALUATION && DECISIONS.contains(to) && (completed == 0 || completed < assigned)) {
            throw Problems.ruleConflict("Art. 9", "idea.reviews-pending", completed, assigned);
        }
    }
}

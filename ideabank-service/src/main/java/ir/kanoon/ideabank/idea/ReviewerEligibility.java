package ir.kanoon.ideabank.idea;

import ir.kanoon.platform.problem.Problems;

import java.util.Collection;

/**
 * Who may review an idea (issue 10, Art. 9 type 2): a member of the province's ideas, inventions and innovation
 * working group, or an outside expert the secretariat records as such — and never the submitter or a member of
 * the idea's team (nobody reviews their own case).
 */
public final class ReviewerEligibility {

    private ReviewerEligibility() {
    }

    public static void check(String reviewer, String submitter, Collection<String> team, boolean outsideExpert,
                             boolean inProvinceIdeasWorkingGroup) {
        if (reviewer.equals(submitter) || team.contains(reviewer)) {
            throw Problems.rule("Art. 9", "reviewer.own-idea");
        }
        if (!outsideExpert && !inProvinceIdeasWorkingGroup) {
            throw Problems.rule("Art. 9", "reviewer.not-in-working-group");
        }
    }
}

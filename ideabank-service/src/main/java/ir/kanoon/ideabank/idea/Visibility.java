package ir.kanoon.ideabank.idea;

/**
 * What a caller may see of an idea (issue 10, confidentiality): FULL text for the owner and team, assigned
 * reviewers, the province's secretariat/labour-dg and ministry roles; otherwise by level — PUBLIC full,
 * MEMBERS full for the province's Association and title + summary for others, REVIEWERS nothing (the idea
 * is not disclosed: 404).
 */
public enum Visibility {
    FULL, SUMMARY, NONE;

    public static Visibility of(Confidentiality level, boolean privileged, boolean memberOfProvince) {
        if (privileged) {
            return FULL;
        }
        return switch (level) {
            case PUBLIC -> FULL;
            case MEMBERS -> memberOfProvince ? FULL : SUMMARY;
            case REVIEWERS -> NONE;
        };
    }
}

package ir.kanoon.workgroup.group;

import ir.kanoon.platform.problem.Problems;

import java.util.Collection;

/** Directive rules of working groups, without Quarkus (Art. 9, R10, R11). */
public final class WorkingGroupRules {

    public static final String ART_9 = "Art. 9";
    public static final String ART_9_NOTE_1 = "Art. 9 Note 1";

    private WorkingGroupRules() {
    }

    /** R10: at most one active group of a type per province — 409 naming Art. 9. */
    public static void requireNoActiveOfType(WorkingGroupType type, Collection<WorkingGroupType> activeTypes) {
        if (activeTypes.contains(type)) {
            throw Problems.ruleConflict(ART_9, "working-group.one-active", type);
        }
    }

    /**
     * R11: only an active member of the province's Association or one of its trustees can be proposed.
     * {@code personProvince} null = the person is unknown to the projection.
     */
    public static void requireEligible(String groupProvince, String personProvince, boolean active) {
        if (personProvince == null || !active || !personProvince.equalsIgnoreCase(groupProvince)) {
            throw Problems.rule(ART_9_NOTE_1, "person.not-eligible");
        }
    }

    /** R11: a decision (approve/reject) is only for a proposal. */
    public static void requireProposed(SeatStatus status) {
        if (status != SeatStatus.PROPOSED) {
            throw Problems.ruleConflict(ART_9_NOTE_1, "group-member.not-proposed", status);
        }
    }
}

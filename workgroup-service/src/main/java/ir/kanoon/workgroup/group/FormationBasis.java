package ir.kanoon.workgroup.group;

/** Art. 9: a group is formed on the members' proposal or by the Board's decision (R10). */
public enum FormationBasis {
    MEMBERS_PROPOSAL,
    BOARD_DECISION
}

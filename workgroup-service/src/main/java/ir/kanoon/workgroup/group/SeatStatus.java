package ir.kanoon.workgroup.group;

/**
 * A seat in a working group (R11, Art. 9 Note 1): proposed by the Board, it counts only once the Board
 * Secretary ({@code labour-dg}) approved it.
 */
public enum SeatStatus {
    PROPOSED,
    APPROVED,
    REJECTED,
    REMOVED;

    /** Only an approved seat makes its holder a member of the group (R11). */
    public boolean counts() {
        return this == APPROVED;
    }
}

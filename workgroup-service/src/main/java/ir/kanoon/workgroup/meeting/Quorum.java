package ir.kanoon.workgroup.meeting;

/**
 * Quorum of a meeting: more than {@code fraction} of the body's members present (default more than half,
 * configurable per body). A body without members has no quorum.
 */
public record Quorum(double fraction) {

    public static final Quorum MORE_THAN_HALF = new Quorum(0.5);

    public Quorum {
        if (fraction < 0 || fraction >= 1) {
            throw new IllegalArgumentException("quorum fraction must be in [0, 1): " + fraction);
        }
    }

    public boolean met(int present, int members) {
        return members > 0 && present > fraction * members;
    }

    /** The smallest number present that makes quorum. */
    public int required(int members) {
        return (int) Math.floor(fraction * members) + 1;
    }
}

package ir.kanoon.workgroup.meeting;

/**
 * Majority rule of a body: a motion carries with more than {@code fraction} of those present voting for it
 * (default simple majority of those present, configurable per body). Abstentions count as present, not for.
 */
public record Majority(double fraction) {

    public static final Majority SIMPLE = new Majority(0.5);

    public Majority {
        if (fraction < 0 || fraction >= 1) {
            throw new IllegalArgumentException("majority fraction must be in [0, 1): " + fraction);
        }
    }

    public boolean carried(int votesFor, int present) {
        return present > 0 && votesFor > fraction * present;
    }
}

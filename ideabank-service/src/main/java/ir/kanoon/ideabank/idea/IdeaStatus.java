package ir.kanoon.ideabank.idea;

/**
 * The stage gate (issue 10): {@code SUBMITTED → SCREENING → UNDER_EVALUATION → ACCEPTED | REJECTED |
 * NEEDS_REVISION}, {@code ACCEPTED → REFERRED}; {@code MERGED} marks a duplicate kept read-only beside its original.
 */
public enum IdeaStatus {
    SUBMITTED, SCREENING, UNDER_EVALUATION, ACCEPTED, REJECTED, NEEDS_REVISION, REFERRED, MERGED;

    public boolean readOnly() {
        return this == REJECTED || this == REFERRED || this == MERGED;
    }
}

package ir.kanoon.ideabank.idea;

/** Kinds of entries in the bank (Art. 3-6: ideas, initiatives and inventions). */
public enum IdeaKind {
    IDEA, INITIATIVE, INVENTION
}

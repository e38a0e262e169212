package ir.kanoon.ideabank.comment;

/** How many members endorsed the idea, and whether the caller did. */
public record Endorsements(long count, boolean endorsedByMe) {
}

package ir.kanoon.ideabank.idea;

import java.util.UUID;

/** A similar idea and its pg_trgm similarity (0..1) over Persian-folded title and summary. */
public record SimilarIdea(UUID id, String title, String province, IdeaStatus status, double score) {
}

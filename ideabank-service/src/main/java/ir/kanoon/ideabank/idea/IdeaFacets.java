package ir.kanoon.ideabank.idea;

import java.util.Map;

/** Counts of the ideas a caller may see, per facet value. */
public record IdeaFacets(long total, Map<String, Long> kind, Map<String, Long> stage, Map<String, Long> status,
                         Map<String, Long> sector, Map<String, Long> province, Map<String, Long> supportSought) {
}

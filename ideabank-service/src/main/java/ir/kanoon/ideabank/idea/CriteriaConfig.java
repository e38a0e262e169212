package ir.kanoon.ideabank.idea;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

import java.util.Map;

/** {@code kanoon.ideabank.*}: evaluation criteria with their weights, similar-ideas and attachment settings. */
@ConfigMapping(prefix = "kanoon.ideabank")
public interface CriteriaConfig {

    /** criterion name → weight (positive). */
    Map<String, Integer> criteria();

    Similar similar();

    Attachments attachments();

    interface Attachments {
        /** Directory of {@code LocalDirectoryStorage}. */
        java.nio.file.Path directory();

        @WithName("max-bytes")
        long maxBytes();

        @WithName("max-per-idea")
        int maxPerIdea();
    }

    interface Similar {
        int limit();

        @WithName("min-score")
        double minScore();

        /** How many candidates (ideas sharing the most significant words) are scored by trigram similarity. */
        int candidates();

        /** A word found in this many ideas or more is too common to pick candidates (counting stops there). */
        @WithName("common-word-ideas")
        int commonWordIdeas();
    }
}

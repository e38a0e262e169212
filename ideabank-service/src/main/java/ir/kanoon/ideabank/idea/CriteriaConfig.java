package ir.kanoon.ideabank.idea;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

import java.util.Map;

/** {@code kanoon.ideabank.*}: evaluation criteria with their weights, and the similar-ideas settings. */
@ConfigMapping(prefix = "kanoon.ideabank")
public interface CriteriaConfig {

    /** criterion name → weight (positive). */
    Map<String, Integer> criteria();

    Similar similar();

    interface Similar {
        int limit();

        @WithName("min-score")
        double minScore();
    }
}
